package com.gridcare.wechat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The official accounts gridcare serves (a utility may run one per city) and the portal's limits. Accounts are keyed
 * by a short name of our choosing ({@code wechat.accounts.<name>.app-id}, or {@code WECHAT_ACCOUNTS_<NAME>_APP_ID} in
 * the environment); WeChat addresses them by app-id in the portal path.
 */
@ConfigMapping(prefix = "wechat")
public interface WeChatConfig {

    Map<String, Account> accounts();

    /** WeChat's API host; tests point WxJava at a local fake. Empty: WxJava's default (api.weixin.qq.com). */
    Optional<String> apiBaseUrl();

    /** Where the H5 pages live (binding, repair report, reminders); links in replies and the menu start with it. */
    @WithDefault("https://h5.gridcare.invalid")
    String h5BaseUrl();

    /** A request whose timestamp is further than this from our clock is refused, which bounds replays. */
    @WithDefault("5m")
    Duration timestampTolerance();

    /**
     * How long a seen nonce and a handled message are remembered: longer than the timestamp tolerance on both sides,
     * so a replay is refused for as long as its timestamp would pass, and longer than WeChat's retries (about 15 s).
     */
    @WithDefault("11m")
    Duration dedupTtl();

    /** A follower's last-interaction time (the kefu window) is written at most this often per instance. */
    @WithDefault("5m")
    Duration interactionGranularity();

    /**
     * How long the passive reply may wait for a handler; after that WeChat gets "success" and the answer follows by
     * kefu, through the outbox.
     */
    @WithDefault("80ms")
    Duration replyBudget();

    /** A slow handler is given up after this; its deferred answer is then lost rather than sent minutes late. */
    @WithDefault("4s")
    Duration handlerTimeout();

    /** WeChat's messages are a few KB; anything much larger is not from WeChat. */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Threads that run WxJava's blocking API calls, off the event loop. */
    @WithDefault("16")
    int workerThreads();

    /** How WxJava's calls to WeChat's API are bounded, retried and cut off while WeChat is down. */
    Api api();

    interface Api {
        /** Opening a connection to WeChat: a refused or unanswered connect fails this fast, and nothing was sent. */
        @WithDefault("3s")
        Duration connectTimeout();

        /** Waiting for WeChat's answer; past it the call counts as failed, though WeChat may have acted on it. */
        @WithDefault("5s")
        Duration readTimeout();

        /** Repeats of a call that failed where a repeat is harmless (see wechat.WeChatApi). */
        @WithDefault("2")
        int maxRetries();

        /** The first repeat waits this long, each further one twice as long... */
        @WithDefault("200ms")
        Duration retryDelay();

        /** ...but never longer than this. */
        @WithDefault("2s")
        Duration retryMaxDelay();

        /** The circuit breaker of one account's API judges this many most recent calls... */
        @WithDefault("10")
        int circuitWindow();

        /** ...and opens when this share of them found WeChat down (no answer, errors, "system busy")... */
        @WithDefault("0.5")
        double circuitFailureRatio();

        /** ...then fails calls at once for this long before letting one through to try. */
        @WithDefault("30s")
        Duration circuitDelay();
    }

    interface Account {
        String appId();

        String secret();

        /** The token of the server configuration page, for the signatures. */
        String token();

        /** EncodingAESKey (43 characters) for safe and compatible mode. */
        String aesKey();

        /** The ids of the templates this account has added; a topic without one is not sent by template. */
        Templates templates();
    }

    interface Templates {
        Optional<String> billReminder();

        Optional<String> outageNotice();

        Optional<String> repairProgress();
    }
}
