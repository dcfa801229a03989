package com.gridcare.voice;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The automated voice call channel: its provider and the secret its result callbacks are signed with. */
@ConfigMapping(prefix = "gridcare.voice")
public interface VoiceConfig {

    /** The voice provider's HTTP API; without it no call is placed and notices chosen for a call go to the inbox. */
    Optional<String> baseUrl();

    /** The provider's API key, from the environment (GRIDCARE_VOICE_API_KEY). */
    Optional<String> apiKey();

    /** Placing a call is one request; a provider slower than this is tried again later with the same key. */
    @WithDefault("5s")
    Duration timeout();

    /**
     * The secret shared with the provider (GRIDCARE_VOICE_CALLBACK_SECRET): each result callback carries the body's
     * HMAC-SHA256 with it. Without it every callback is refused.
     */
    Optional<String> callbackSecret();

    /**
     * Connections to the provider, which bound the requests in flight: Vert.x's default of 5 let the outbox send a few
     * hundred a second to a provider answering in 20 ms (BENCHMARKS.md, "Outbox dispatch").
     */
    @WithDefault("64")
    int maxConnections();
}
