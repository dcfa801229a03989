package com.gridcare.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Tests start from an empty Redis database (only theirs: FLUSHDB, not FLUSHALL), as they start from an empty PostgreSQL one (Flyway clean): otherwise
 * counters of an earlier run, keyed by ids the new database hands out again, would leak into this one.
 */
@Singleton
public class RedisCleanAtStart {

    void flush(@Observes StartupEvent start, RedisDataSource redis) {
        redis.execute("FLUSHDB");
    }
}
