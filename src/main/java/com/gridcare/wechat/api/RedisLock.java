package com.gridcare.wechat.api;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import io.quarkus.redis.datasource.RedisDataSource;

/**
 * A lock shared by every instance: a Redis key set with NX and a lease, released only by its holder. WxJava takes it
 * around an access_token refresh, so that one instance at a time asks WeChat for a token. The lease frees the lock of
 * an instance that died while holding it, and is longer than a token request may take (WxJava's HTTP time-outs
 * are 5 s).
 */
final class RedisLock implements Lock {

    private static final Duration POLL = Duration.ofMillis(20);
    /** Deletes the key only if it still holds our token: a lease that expired may already belong to someone else. */
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisDataSource redis;
    private final String key;
    private final long leaseMillis;
    /** Per thread, as WxJava's callers are threads: who holds the lock is one thread of one instance. */
    private final ThreadLocal<String> holderToken = new ThreadLocal<>();

    RedisLock(RedisDataSource redis, String key, Duration lease) {
        this.redis = redis;
        this.key = key;
        this.leaseMillis = lease.toMillis();
    }

    @Override
    public boolean tryLock() {
        String token = UUID.randomUUID().toString();
        boolean acquired = redis.execute("SET", key, token, "NX", "PX", Long.toString(leaseMillis)) != null;
        if (acquired) {
            holderToken.set(token);
        }
        return acquired;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(time);
        while (!tryLock()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    @Override
    public void lock() {
        boolean interrupted = false;
        while (true) {
            try {
                if (tryLock(leaseMillis, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        while (!tryLock(leaseMillis, TimeUnit.MILLISECONDS)) {
            // the lease of a dead holder ends, so this ends too
        }
    }

    @Override
    public void unlock() {
        String token = holderToken.get();
        if (token == null) {
            throw new IllegalMonitorStateException("not held by this thread: " + key);
        }
        holderToken.remove();
        redis.execute("EVAL", RELEASE, "1", key, token);
    }

    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("a distributed lock has no conditions");
    }
}
