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

    Faq faq();

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

    interface Faq {
        /**
         * Below this confidence the bot does not answer with a topic: it says it is not sure, offers the two closest
         * topics and a person, and logs the question for staff. The confidence is calibrated (see faq.FaqEngine); 0.4
         * was chosen on the project's test questions, where a higher threshold turned right answers into "not sure"
         * without catching more wrong ones.
         */
        @WithDefault("0.4")
        double confidenceThreshold();

        /** Redis pub/sub channel on which an instance tells the others that the knowledge base changed. */
        @WithDefault("gridcare:faq:changed")
        String changesChannel();

        /**
         * How often each instance checks PostgreSQL for a knowledge-base change it was not told about (a pub/sub
         * message lost while Redis or the subscription was down): the longest an instance can stay behind.
         */
        @WithDefault("60s")
        Duration resyncInterval();
    }
}
