package com.gridcare.common;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Fixed-window counters in Redis, shared by every instance. A window starts with the first hit on a key and ends
 * after {@code window}; setting the counter with NX before incrementing it means a key can never lose its expiry.
 * When Redis does not answer, the caller gets 503: we do not hand out codes or accept proofs without the limits.
 */
@ApplicationScoped
public class RateLimiter {

    private static final String PREFIX = "rate:";

    private final ReactiveValueCommands<String, Long> counters;

    public RateLimiter(ReactiveRedisDataSource redis) {
        this.counters = redis.value(Long.class);
    }

    /** Counts a hit on {@code key}; true while the window holds at most {@code limit} hits. */
    public Uni<Boolean> tryAcquire(String key, int limit, Duration window) {
        String counter = PREFIX + key;
        return counters.set(counter, 0L, new SetArgs().nx().px(window))
                .chain(() -> counters.incr(counter))
                .map(hits -> hits <= limit)
                .onFailure().transform(ProblemException::unavailableUnlessProblem);
    }

    /** True while {@code key} has fewer than {@code limit} hits in its window; counts nothing. */
    public Uni<Boolean> below(String key, int limit) {
        return counters.get(PREFIX + key).map(hits -> hits == null || hits < limit)
                .onFailure().transform(ProblemException::unavailableUnlessProblem);
    }
}
