package com.gridcare.wechat.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.ConnectionPoolTimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import me.chanjar.weixin.common.error.WxErrorException;

import com.gridcare.wechat.WeChatConfig;

/**
 * Every call gridcare makes to WeChat's API goes through here: on the {@link WeChatWorkers} (WxJava blocks), timed as
 * {@code gridcare.wechat.api} by API and outcome, behind a circuit breaker per account and API, and repeated with
 * backoff only when the repeat cannot reach a follower twice.
 * <p>
 * A call fails with WxJava's {@link WxErrorException} when WeChat answered with an error code of its own (a refusal,
 * for the caller to read), or with {@link WeChatUnavailableException} when WeChat could not be used. Only the latter
 * counts against the breaker: a refused message says nothing about WeChat's health. Repeated are failures where
 * nothing was delivered (no connection, and "system busy", errcode -1, which is WeChat saying it did not act) and, for
 * APIs where a repeat is harmless ({@link Api#idempotent}), failures that may have reached WeChat too (a time-out, a
 * dropped connection, an HTTP error). A customer-service message is not idempotent: sent twice, it arrives twice.
 */
@ApplicationScoped
public class WeChatApi {

    public enum Api {
        TOKEN("token", true),
        /** Idempotent through the client_msg_id that WeChat de-duplicates on. */
        TEMPLATE_SEND("template.send", true),
        KEFU_SEND("kefu.send", false),
        /** Publishing the same menu twice leaves the same menu. */
        MENU_CREATE("menu.create", true),
        /** A code already exchanged is refused the second time (40163), which the caller would report anyway. */
        OAUTH_ACCESS_TOKEN("oauth.access-token", true);

        private final String tag;
        private final boolean idempotent;

        Api(String tag, boolean idempotent) {
            this.tag = tag;
            this.idempotent = idempotent;
        }

        public String tag() {
            return tag;
        }
    }

    static final String TIMER = "gridcare.wechat.api";
    /** WeChat's "system busy, try again later". */
    static final int BUSY = -1;

    private final WeChatWorkers workers;
    private final MeterRegistry registry;
    private final WeChatConfig.Api config;
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    public WeChatApi(WeChatWorkers workers, MeterRegistry registry, WeChatConfig config) {
        this.workers = workers;
        this.registry = registry;
        this.config = config.api();
    }

    /** {@code call} (blocking WxJava work) against {@code account}'s {@code api}, with the protections above. */
    public <T> Uni<T> call(WeChatAccounts.Account account, Api api, Callable<T> call) {
        Guard guard = guards.computeIfAbsent(account.appId() + " " + api.tag, name -> guard(name, api));
        Uni<T> guarded;
        try {
            guarded = guard.call(() -> attempt(api, call), new TypeLiteral<Uni<T>>() {
            });
        } catch (Exception e) {
            guarded = Uni.createFrom().failure(e);
        }
        return guarded.onFailure(CircuitBreakerOpenException.class).transform(open -> {
            timer(api, "circuit-open").record(Duration.ZERO);
            return new WeChatUnavailableException("circuit-open", false);
        });
    }

    private <T> Uni<T> attempt(Api api, Callable<T> call) {
        return Uni.createFrom().<T> emitter(emitter -> {
            Timer.Sample sample = Timer.start(registry);
            T result;
            try {
                result = call.call();
            } catch (Exception e) {
                Exception failure = classify(e);
                sample.stop(timer(api, outcome(failure)));
                emitter.fail(failure);
                return;
            }
            sample.stop(timer(api, "ok"));
            emitter.complete(result);
        }).runSubscriptionOn(workers.executor());
    }

    private Guard guard(String name, Api api) {
        long delay = config.retryDelay().toMillis();
        Predicate<Throwable> repeatable = failure -> failure instanceof WeChatUnavailableException unavailable
                && (api.idempotent || !unavailable.mayHaveArrived());
        return Guard.create().withDescription("wechat " + name)
                .withRetry().maxRetries(config.maxRetries()).delay(delay, ChronoUnit.MILLIS)
                .jitter(delay / 2, ChronoUnit.MILLIS).whenException(repeatable)
                .withExponentialBackoff().maxDelay(config.retryMaxDelay().toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .withCircuitBreaker().name("wechat " + name).requestVolumeThreshold(config.circuitWindow())
                .failureRatio(config.circuitFailureRatio()).delay(config.circuitDelay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1).when(failure -> failure instanceof WeChatUnavailableException).done()
                .build();
    }

    /** WeChat's own refusals pass as they are; everything that means "WeChat could not be used" becomes one type. */
    static Exception classify(Exception failure) {
        if (failure instanceof WxErrorException refusal && !(refusal.getCause() instanceof IOException)) {
            return refusal.getError() != null && refusal.getError().getErrorCode() == BUSY
                    ? new WeChatUnavailableException("busy", false) : refusal;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof ConnectionPoolTimeoutException || cause instanceof UnknownHostException) {
                return new WeChatUnavailableException("unreachable", false);
            }
            if (cause instanceof SocketTimeoutException) {
                return new WeChatUnavailableException("timeout", true);
            }
            if (cause instanceof IOException) {
                return new WeChatUnavailableException("error", true);
            }
        }
        return failure;
    }

    /**
     * The timer's outcome tag: ok, errcode-4xxxx (WeChat's refusals by class), or why WeChat could not be used (busy,
     * timeout, unreachable, error, circuit-open).
     */
    static String outcome(Throwable failure) {
        if (failure instanceof WeChatUnavailableException unavailable) {
            return unavailable.reason();
        }
        if (failure instanceof WxErrorException refusal && refusal.getError() != null) {
            return refused(refusal.getError().getErrorCode());
        }
        return "error";
    }

    /** WeChat's error codes by class (4xxxx: the request, 6xxxx: the account's permissions...), a few tag values. */
    static String refused(int errcode) {
        if (errcode == BUSY) {
            return "busy";
        }
        return errcode >= 10000 ? "errcode-" + errcode / 10000 + "xxxx" : "errcode-" + errcode;
    }

    Timer timer(Api api, String outcome) {
        return Timer.builder(TIMER).description("Calls to WeChat's API").tag("api", api.tag).tag("outcome", outcome)
                .register(registry);
    }
}
