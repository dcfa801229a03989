package com.gridcare.wechat.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import io.quarkus.redis.datasource.value.ValueCommands;
import me.chanjar.weixin.common.redis.BaseWxRedisOps;

/**
 * WxJava's Redis operations on Quarkus' blocking Redis client, so that access_token and tickets live in one place for
 * all instances. Blocking on purpose: WxJava calls these from its own (worker) threads, never on the event loop.
 */
final class RedisWxOps extends BaseWxRedisOps {

    /** What Redis' TTL answers for a missing key. */
    private static final long MISSING = -2;
    static final Duration LOCK_LEASE = Duration.ofSeconds(10);

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;

    RedisWxOps(RedisDataSource redis) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.keys = redis.key();
    }

    @Override
    public String getValue(String key) {
        return values.get(key);
    }

    @Override
    public void setValue(String key, String value, int expire, TimeUnit timeUnit) {
        if (expire <= 0) {
            values.set(key, value);
        } else {
            values.psetex(key, timeUnit.toMillis(expire), value);
        }
    }

    /** Seconds to live; WxJava reads anything below 2 as expired, a missing key included. */
    @Override
    public Long getExpire(String key) {
        try {
            return keys.ttl(key);
        } catch (RedisKeyNotFoundException e) {
            return MISSING;
        }
    }

    @Override
    public void expire(String key, int expire, TimeUnit timeUnit) {
        if (expire <= 0) {
            keys.del(key);
        } else {
            keys.pexpire(key, timeUnit.toMillis(expire));
        }
    }

    @Override
    public Lock getLock(String key) {
        return new RedisLock(redis, key, LOCK_LEASE);
    }
}
