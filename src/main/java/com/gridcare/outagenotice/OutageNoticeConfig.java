package com.gridcare.outagenotice;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When outage notices go out and how often the catch-up run looks for those that came due. */
@ConfigMapping(prefix = "gridcare.outage-notices")
public interface OutageNoticeConfig {

    /**
     * A planned outage is announced this long before it starts (the utility's habit is up to 7 days); one published
     * later than that is announced at once.
     */
    @WithDefault("P3D")
    Duration ahead();

    /**
     * The reminder of a planned outage goes this long before it starts, to those announced to before then (one
     * announced later has just heard of it).
     */
    @WithDefault("P1D")
    Duration reminderBefore();

    /** An unplanned outage's customers hear again when its estimated restoration moved this much from the last told. */
    @WithDefault("PT1H")
    Duration estimateStep();

    /**
     * How often an instance sends the planned notices that came due and finishes what an instance stopped during
     * (Quarkus {@code every}; {@code off} for never).
     */
    @WithDefault("1m")
    String interval();

    /**
     * How long a fan-out for a change waits for another one (on any instance) to end; one that waits longer is left to
     * the next catch-up run.
     */
    @WithDefault("PT1M")
    Duration lockWait();

    /**
     * A round's customers are committed this many at a time, so the outbox starts sending the first while the rest
     * are written. Smaller parts start sending sooner but slow the writing, which then shares the cores with the
     * sending: publishing to 50,000, 5,000 wrote them in 10–12 s, 25,000 in 6–9 s (BENCHMARKS.md).
     */
    @WithDefault("25000")
    @Positive
    int commitEvery();
}
