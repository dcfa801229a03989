package com.gridcare.outage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * Redis cache of the outage answer per account, so that a storm of "is my power out?" does not reach PostgreSQL
 * each time. Keys carry a version ({@value #VERSION_KEY}, bumped by {@link #invalidateAll()} whenever an outage or
 * its scope changes): a bump makes every older entry unreachable at once, and the TTL removes them. Redis is an
 * accelerator only: when it fails or is slow the answer comes from PostgreSQL and the request still succeeds.
 */
@ApplicationScoped
public class OutageCache {

    static final String VERSION_KEY = "gridcare:outages:version";
    static final String KEY_PREFIX = "gridcare:outages:v";
    private static final Logger LOG = Logger.getLogger(OutageCache.class);
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();
    static final long VERSION_MEMORY_MILLIS = 1000;
    private static final long VERSION_MEMORY_NANOS = Duration.ofMillis(VERSION_MEMORY_MILLIS).toNanos();

    private final ReactiveValueCommands<String, String> versions;
    private final ReactiveValueCommands<String, CustomerOutages> entries;
    private final long ttlSeconds;
    private final Duration timeout;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private volatile RememberedVersion remembered;

    @Inject
    public OutageCache(ReactiveRedisDataSource redis, OutageConfig config) {
        this(redis, config.cacheTtl(), config.cacheTimeout());
    }

    OutageCache(ReactiveRedisDataSource redis, Duration ttl, Duration timeout) {
        this.versions = redis.value(String.class);
        this.entries = redis.value(CustomerOutages.class);
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.timeout = timeout;
    }

    /** The cached answer for the customer, or the loader's, which is then cached. The loader's failures pass through. */
    public Uni<CustomerOutages> customer(long customerId, Supplier<Uni<CustomerOutages>> loader) {
        return version()
                .map(version -> KEY_PREFIX + version + ":customer:" + customerId)
                .flatMap(key -> entries.get(key).ifNoItem().after(timeout).fail().map(hit -> new Lookup(key, hit)))
                .onFailure().recoverWithItem(failure -> {
                    warn("read", failure);
                    return new Lookup(null, null);
                })
                .flatMap(lookup -> lookup.hit() != null
                        ? Uni.createFrom().item(lookup.hit())
                        : loader.get().call(answer -> lookup.key() == null ? Uni.createFrom().voidItem() : store(lookup.key(), answer)));
    }

    /**
     * Makes every cached answer stale. Call it after the change is committed, so no reader can cache the old state
     * under the new version. A failure is logged, not raised: answers then stay stale for at most the TTL.
     */
    public Uni<Void> invalidateAll() {
        return versions.incr(VERSION_KEY).ifNoItem().after(timeout).fail()
                .invoke(version -> remembered = new RememberedVersion(String.valueOf(version), System.nanoTime()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Could not invalidate the outage cache (answers may be stale for up to %d s): %s",
                            ttlSeconds, failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> store(String key, CustomerOutages answer) {
        return entries.setex(key, ttlSeconds, answer).ifNoItem().after(timeout).fail()
                .onFailure().recoverWithUni(failure -> {
                    warn("write", failure);
                    return Uni.createFrom().voidItem();
                });
    }

    /** One warning per 30 s while Redis is down, not one per request of a storm. */
    private void warn(String operation, Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Outage cache %s failed, answering from PostgreSQL: %s", operation, failure.toString());
        } else {
            LOG.debugf("Outage cache %s failed: %s", operation, failure.toString());
        }
    }

    /**
     * The version, from memory for up to {@value #VERSION_MEMORY_MILLIS} ms: half the Redis round trips of a lookup
     * during a storm, for at most that much more delay before another instance's change is seen (this instance's own
     * changes are remembered at once).
     */
    private Uni<String> version() {
        RememberedVersion known = remembered;
        if (known != null && System.nanoTime() - known.readAt() < VERSION_MEMORY_NANOS) {
            return Uni.createFrom().item(known.version());
        }
        return versions.get(VERSION_KEY).ifNoItem().after(timeout).fail()
                .map(version -> version == null ? "0" : version)
                .invoke(version -> remembered = new RememberedVersion(version, System.nanoTime()));
    }

    private record RememberedVersion(String version, long readAt) {
    }

    private record Lookup(String key, CustomerOutages hit) {
    }
}
