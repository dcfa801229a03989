package com.gridcare.outage;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The customer outage answers' Redis cache. */
@ConfigMapping(prefix = "gridcare.outages")
public interface OutageConfig {

    /** How long a customer's outage answer is served from Redis: the delay before a change is seen anyway. */
    @WithDefault("60s")
    Duration cacheTtl();

    /** A Redis call slower than this is abandoned and the answer read from PostgreSQL. */
    @WithDefault("250ms")
    Duration cacheTimeout();
}
