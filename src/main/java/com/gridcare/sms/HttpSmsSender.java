package com.gridcare.sms;

import java.util.Map;

import org.jboss.logging.Logger;

import com.gridcare.common.PiiMasker;
import com.gridcare.common.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * An SMS provider's HTTP API: {@code POST {base-url}/messages} with {@code {"to", "template", "parameters",
 * "reference"}}, the API key as a bearer token and the reference also as {@code Idempotency-Key} (a repeat after a lost
 * answer is the same text); any 2xx means accepted. The provider's delivery receipt names the reference
 * ({@link SmsReceiptResource}). Providers with other shapes get an adapter of their own.
 */
class HttpSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(HttpSmsSender.class);

    private final WebClient client;
    private final String url;
    private final SmsConfig config;

    HttpSmsSender(WebClient client, SmsConfig config) {
        this.client = client;
        this.url = config.baseUrl().orElseThrow().replaceAll("/+$", "") + "/messages";
        this.config = config;
    }

    @Override
    public Uni<Void> send(String mobile, String template, Map<String, String> parameters, String reference) {
        var request = client.postAbs(url).timeout(config.timeout().toMillis()).putHeader("Idempotency-Key", reference);
        config.apiKey().ifPresent(key -> request.bearerTokenAuthentication(key));
        var body = new JsonObject().put("to", mobile).put("template", template).put("parameters", Map.copyOf(parameters))
                .put("reference", reference);
        return request.sendJsonObject(body)
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

    static ProblemException smsUnavailable() {
        return new ProblemException(503, "sms-unavailable", "Service Unavailable",
                "The text message could not be sent; please try again in a minute.");
    }
}
