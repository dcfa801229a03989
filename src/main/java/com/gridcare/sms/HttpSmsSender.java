package com.gridcare.sms;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import com.gridcare.common.PiiMasker;
import com.gridcare.common.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * An SMS provider's HTTP API: {@code POST {base-url}/messages} with {@code {"to", "template", "parameters",
 * "reference"}}, the API key as a bearer token and the reference also as {@code Idempotency-Key} (a repeat after a lost
 * answer is the same text); any 2xx means accepted. The provider's delivery receipt names the reference
 * ({@link SmsReceiptResource}). Several texts go in one request, as providers' batch APIs take them:
 * {@code POST {base-url}/messages/batch} with {@code {"messages": [...]}} (each as above), answered with
 * {@code {"accepted": [references]}}; a text whose reference is not in it was not taken and is sent again later.
 * Providers with other shapes get an adapter of their own.
 */
class HttpSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(HttpSmsSender.class);

    private final WebClient client;
    private final String url;
    private final String batchUrl;
    private final SmsConfig config;

    HttpSmsSender(WebClient client, SmsConfig config) {
        this.client = client;
        this.url = config.baseUrl().orElseThrow().replaceAll("/+$", "") + "/messages";
        this.batchUrl = url + "/batch";
        this.config = config;
    }

    @Override
    public Uni<Void> send(String mobile, String template, Map<String, String> parameters, String reference) {
        var request = client.postAbs(url).timeout(config.timeout().toMillis()).putHeader("Idempotency-Key", reference);
        config.apiKey().ifPresent(key -> request.bearerTokenAuthentication(key));
        return request.sendJsonObject(json(new Text(mobile, template, parameters, reference)))
                .onFailure().transform(failure -> {
                    LOG.warnf("SMS provider unreachable sending %s to %s: %s", template, PiiMasker.mobile(mobile),
                            failure.getMessage());
                    return smsUnavailable();
                })
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        LOG.warnf("SMS provider refused %s to %s: HTTP %d", template, PiiMasker.mobile(mobile),
                                response.statusCode());
                        throw smsUnavailable();
                    }
                    return null;
                });
    }

    @Override
    public Uni<List<Boolean>> sendAll(List<Text> texts) {
        if (texts.size() == 1 || config.batchSize() == 1) {
            return SmsSender.super.sendAll(texts);
        }
        var request = client.postAbs(batchUrl).timeout(config.timeout().toMillis());
        config.apiKey().ifPresent(key -> request.bearerTokenAuthentication(key));
        JsonArray messages = new JsonArray();
        texts.forEach(text -> messages.add(json(text)));
        return request.sendJsonObject(new JsonObject().put("messages", messages))
                .onFailure().transform(failure -> {
                    LOG.warnf("SMS provider unreachable sending a batch of %d: %s", texts.size(), failure.getMessage());
                    return smsUnavailable();
                })
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        LOG.warnf("SMS provider refused a batch of %d: HTTP %d", texts.size(), response.statusCode());
                        throw smsUnavailable();
                    }
                    Set<String> accepted = new HashSet<>();
                    JsonObject body = response.bodyAsJsonObject();
                    JsonArray references = body == null ? null : body.getJsonArray("accepted");
                    if (references != null) {
                        references.forEach(reference -> accepted.add(String.valueOf(reference)));
                    }
                    return texts.stream().map(text -> accepted.contains(text.reference())).toList();
                });
    }

    private static JsonObject json(Text text) {
        return new JsonObject().put("to", text.mobile()).put("template", text.template())
                .put("parameters", Map.copyOf(text.parameters())).put("reference", text.reference());
    }

    static ProblemException smsUnavailable() {
        return new ProblemException(503, "sms-unavailable", "Service Unavailable",
                "The text message could not be sent; please try again in a minute.");
    }
}
