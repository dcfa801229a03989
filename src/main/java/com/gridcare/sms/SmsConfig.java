package com.gridcare.sms;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The SMS channel and its provider. */
@ConfigMapping(prefix = "gridcare.sms")
public interface SmsConfig {

    /**
     * Off for a utility that runs without an SMS provider: sign-in and binding by SMS code answer 503 and the outbox
     * uses other channels. On, production refuses to start without the provider's URL and key.
     */
    @WithDefault("true")
    boolean enabled();

    /** The SMS provider's HTTP API; without it, codes can only be shown (demo) and sign-in by SMS is unavailable. */
    Optional<String> baseUrl();

    /** The provider's API key, from the environment (GRIDCARE_SMS_API_KEY). */
    Optional<String> apiKey();

    /** Sign-in code template registered with the provider. */
    @WithDefault("SIGN_IN_CODE")
    String codeTemplate();

    @WithDefault("3s")
    Duration timeout();

    /**
     * The secret shared with the provider (GRIDCARE_SMS_CALLBACK_SECRET): each delivery receipt carries the body's
     * HMAC-SHA256 with it. Without it every receipt is refused; production requires it while SMS is enabled.
     */
    Optional<String> callbackSecret();

    /**
     * Connections to the provider, which bound the requests in flight: Vert.x's default of 5 let the outbox send a few
     * hundred a second to a provider answering in 20 ms (BENCHMARKS.md, "Outbox dispatch").
     */
    @WithDefault("64")
    int maxConnections();

    /**
     * Texts sent in one request to the provider's batch API ({@code /messages/batch}); 1 for a provider without one.
     * One request per text made the outbox's SMS cost per message mostly HTTP (BENCHMARKS.md, "Outbox dispatch").
     */
    @WithDefault("100")
    @Min(1)
    @Max(1000)
    int batchSize();
}
