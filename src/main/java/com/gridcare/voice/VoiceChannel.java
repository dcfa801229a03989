package com.gridcare.voice;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.gridcare.common.PiiMasker;
import com.gridcare.notify.ChannelAdapter;
import com.gridcare.notify.Delivery;
import com.gridcare.notify.OutboxMessage;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Automated voice calls: {@code POST {base-url}/calls} with {@code {"to", "title", "script"}}, the API key as a bearer
 * token and an {@code Idempotency-Key} naming the outbox message, so that a call retried after a lost answer or a lost
 * lease is not placed twice (the provider answers a repeated key with the call it already placed). The provider
 * answers {@code {"callId"}} at once and reports how the call ended later, through {@link VoiceCallbackResource}: the
 * outcome is recorded then, not now.
 */
@ApplicationScoped
public class VoiceChannel implements ChannelAdapter {

    private static final Logger LOG = Logger.getLogger(VoiceChannel.class);

    private final WebClient client;
    private final VoiceConfig config;
    private final VoiceCalls calls;

    public VoiceChannel(Vertx vertx, VoiceConfig config, VoiceCalls calls) {
        this.client = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(config.maxConnections()));
        this.config = config;
        this.calls = calls;
        if (config.baseUrl().isPresent() && config.callbackSecret().isEmpty()) {
            LOG.warn("Voice calls are placed but no result can be recorded: GRIDCARE_VOICE_CALLBACK_SECRET is not set");
        }
    }

    @Override
    public String channelCode() {
        return "VOICE_CALL";
    }

    @Override
    public Uni<Delivery> deliver(OutboxMessage message) {
        if (config.baseUrl().isEmpty()) {
            return Uni.createFrom().item(Delivery.unavailable("voice: no provider"));
        }
        if (message.recipient().startsWith("resident:")) {
            return Uni.createFrom().item(Delivery.unavailable("voice: no mobile"));
        }
        var request = client.postAbs(config.baseUrl().get().replaceAll("/+$", "") + "/calls")
                .timeout(config.timeout().toMillis())
                .putHeader("Idempotency-Key", idempotencyKey(message));
        config.apiKey().ifPresent(request::bearerTokenAuthentication);
        JsonObject body = new JsonObject().put("to", message.recipient()).put("title", message.title())
                .put("script", message.text());
        return request.sendJsonObject(body).chain(response -> {
            int status = response.statusCode();
            if (status / 100 == 2) {
                String callId = response.bodyAsJsonObject().getString("callId");
                return calls.placed(callId, message.id(), message.customerId()).replaceWith(Delivery.awaitingOutcome());
            }
            LOG.warnf("Voice provider refused a call to %s: HTTP %d", PiiMasker.mobile(message.recipient()), status);
            // the provider's own trouble or its rate limit passes; anything else it refuses will be refused again
            return Uni.createFrom().item(status >= 500 || status == 429 ? Delivery.retryable("voice: provider busy")
                    : Delivery.permanent("voice: provider refused (HTTP " + status + ")"));
        });
    }

    static String idempotencyKey(OutboxMessage message) {
        return "gridcare-outbox-" + message.id();
    }
}
