package com.gridcare.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.ProblemException;
import com.gridcare.common.RateLimiter;
import com.gridcare.common.Sha256;
import com.gridcare.sms.SmsConfig;
import com.gridcare.sms.SmsSender;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Six-digit codes sent by SMS that prove a resident holds a mobile: for signing in, and for binding an account to
 * its registered mobile. A code is kept in Redis only as a digest, lives {@code sms-code-ttl}, serves once (the
 * delete that consumes it succeeds for one caller only) and dies after {@code sms-code-attempts} wrong guesses.
 * Sending is limited per phone (one a minute, ten a day) and per client address.
 */
@ApplicationScoped
public class SmsCodes {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private final SecureRandom random = new SecureRandom();
    private final ReactiveValueCommands<String, String> digests;
    private final RateLimiter limiter;
    private final SmsSender sms;
    private final AuthConfig config;
    private final String template;

    public SmsCodes(ReactiveRedisDataSource redis, RateLimiter limiter, SmsSender sms, AuthConfig config,
            SmsConfig smsConfig) {
        this.digests = redis.value(String.class);
        this.limiter = limiter;
        this.sms = sms;
        this.config = config;
        this.template = smsConfig.codeTemplate();
    }

    /**
     * Sends a new code for {@code purpose} and {@code subject} (what the code will prove) to {@code mobile}; the code
     * is returned for the demo's benefit and must not reach a client otherwise.
     */
    public Uni<String> send(String purpose, String subject, String mobile, String clientAddress) {
        String code = "%06d".formatted(random.nextInt(1_000_000));
        String key = key(purpose, subject);
        return limit("sms-address:" + clientAddress, config.smsCodesPerAddressPerHour(), HOUR,
                "Too many codes were asked for from your network; please try again later.")
                .chain(() -> limit("sms-interval:" + mobile, 1, config.smsCodeInterval(),
                        "A code was sent a moment ago; please wait a minute before asking for another."))
                .chain(() -> limit("sms-day:" + mobile, config.smsCodesPerPhonePerDay(), DAY,
                        "This phone has had as many codes as it may today; please try again tomorrow."))
                .chain(() -> digests.set(key, Sha256.hex(subject + ":" + code), new SetArgs().px(config.smsCodeTtl()))
                        .onFailure().transform(ProblemException::unavailableUnlessProblem))
                // a code is sent once and has no outbox message: a fresh reference, which no receipt will find
                .chain(() -> sms.send(mobile, template, Map.of("code", code,
                        "minutes", String.valueOf(config.smsCodeTtl().toMinutes())), UUID.randomUUID().toString())
                        .onFailure().call(() -> digests.getdel(key).onFailure().recoverWithNull()))
                .replaceWith(code);
    }

    /** True once for the right code while it lives; a wrong guess counts towards voiding it. */
    public Uni<Boolean> verify(String purpose, String subject, String code) {
        String key = key(purpose, subject);
        return digests.get(key)
                .onFailure().transform(ProblemException::unavailableUnlessProblem)
                .chain(stored -> {
                    if (stored == null) {
                        return Uni.createFrom().item(false);
                    }
                    if (MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                            Sha256.hex(subject + ":" + code).getBytes(StandardCharsets.US_ASCII))) {
                        return digests.getdel(key).map(consumed -> consumed != null);
                    }
                    return limiter.tryAcquire("sms-guess:" + key, config.smsCodeAttempts() - 1, config.smsCodeTtl())
                            .call(more -> more ? Uni.createFrom().voidItem() : digests.getdel(key).replaceWithVoid())
                            .replaceWith(false);
                });
    }

    private Uni<Void> limit(String key, int limit, Duration window, String detail) {
        return limiter.tryAcquire(key, limit, window).map(allowed -> {
            if (!allowed) {
                throw ProblemException.tooManyRequests(detail);
            }
            return null;
        });
    }

    private static String key(String purpose, String subject) {
        return "sms-code:" + purpose + ":" + subject;
    }
}
