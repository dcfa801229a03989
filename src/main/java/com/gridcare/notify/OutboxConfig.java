package com.gridcare.notify;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@link OutboxDispatcher}: how often it looks for due messages, how many it takes at once, how it retries. */
@ConfigMapping(prefix = "gridcare.outbox")
public interface OutboxConfig {

    /** How often each instance looks for due messages (a duration); {@code off} stops it (tests drive it). */
    @WithDefault("5s")
    String interval();

    /**
     * Sends one claim takes and makes at once (a batch request to a provider taking several messages is one send, so a
     * claim may hold up to this many times the batch size); a lane claims again while its claims come back full.
     * Bounded by the lease: every claimed message must be sent within it, and WeChat's calls wait for one of
     * {@code wechat.worker-threads} (16), each up to about 25 s when WeChat hangs (time-outs and repeats): lanes ×
     * concurrency, 4 × 16, / 16 × 25 s stays under the 2 minutes.
     */
    @WithDefault("16")
    @Positive
    int concurrency();

    /**
     * Claims one instance has out at once, each of up to {@code concurrency} sends: a claim is recorded when its
     * slowest send is done, and meanwhile the other lanes claim and send. With providers answering in 20 ms, one lane
     * of 64 sent a mixed queue at 357 msg/s, 4 lanes of 16 at 546 and 8 of 8 at 485 (BENCHMARKS.md).
     */
    @WithDefault("4")
    @Positive
    int lanes();

    /**
     * How long a claim holds: a message still SENDING after this (its instance stopped mid-send) is claimed again.
     * Longer than a send can take, WeChat's time-outs and retries included.
     */
    @WithDefault("2m")
    Duration lease();

    /** The wait before the second attempt; it doubles for each further one (with jitter)... */
    @WithDefault("30s")
    Duration backoffBase();

    /** ...up to this. */
    @WithDefault("30m")
    Duration backoffMax();

    /**
     * Attempts before a message is given up (DEAD). With the defaults the last comes at most about an hour after
     * the first: well inside the 24 hours in which WeChat drops a repeated template message by its client_msg_id.
     */
    @WithDefault("8")
    int maxAttempts();
}
