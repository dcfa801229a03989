package com.gridcare.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The application's clock in tests: the system clock until a test fixes it, so tests can move time (due dates, late
 * fees, "this month", outage windows). Tests that fix it call {@link #reset()} when done, as other test classes share
 * the application.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MutableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant fixed;

    public MutableClock(TimeZoneConfig config) {
        this.zone = config.timeZone();
    }

    /** Fixes the time at {@code local} in the utility's time zone. */
    public void setLocal(LocalDateTime local) {
        fixed = local.atZone(zone).toInstant();
    }

    public void set(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.fixed(instant(), other);
    }

    @Override
    public Instant instant() {
        Instant instant = fixed;
        return instant == null ? Instant.now() : instant;
    }
}
