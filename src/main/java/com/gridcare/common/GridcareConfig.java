package com.gridcare.common;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "gridcare")
public interface GridcareConfig {

    /** The utility's own time zone: bill periods, due dates and quiet hours are local dates and times. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /**
     * Dev and test servers when none is configured: {@code auto} (tests use 127.0.0.1's PostgreSQL and Redis when
     * they answer) or {@code embedded} (always start embedded ones). Read by ops.LocalServersConfigSourceFactory.
     */
    @WithDefault("auto")
    String localServers();

    Pii pii();

    Outages outages();

    Demo demo();

    interface Pii {
        /** Salt for the one-way hash of ID-card numbers; a secret, set from the environment in production. */
        String idHashSalt();
    }

    interface Outages {
        /** How long a customer's outage answer is served from Redis: the delay before a change is seen anyway. */
        @WithDefault("60s")
        Duration cacheTtl();

        /** A Redis call slower than this is abandoned and the answer read from PostgreSQL. */
        @WithDefault("250ms")
        Duration cacheTimeout();
    }

    interface Demo {
        /** Seed an empty database with a demo utility at start (dev mode). */
        boolean seedOnStart();

        /** Size of the demo utility in customers. */
        int customers();

        long seed();
    }
}
