package com.gridcare.escalation;

import java.time.Duration;
import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Escalations to staff: the first-response SLA, the working day it counts in, and the residents' limit. */
@ConfigMapping(prefix = "gridcare.escalation")
public interface EscalationConfig {

    /** Working time a resident waits at most for the first staff reply (the SLA). */
    @WithDefault("15m")
    Duration firstResponse();

    /** The SLA clock runs from this local time... */
    @WithDefault("08:30")
    LocalTime workdayStart();

    /** ...to this one, every day of the week; outside it stands still. */
    @WithDefault("17:30")
    LocalTime workdayEnd();

    /**
     * How often the SLA job looks for overdue escalations (a duration, read by {@link SlaMonitor}'s schedule);
     * {@code off} stops it (tests run the check themselves).
     */
    @WithDefault("60s")
    String slaCheckEvery();

    /** Escalations one resident may open in an hour: a person wants one answer, not a flood of tickets. */
    @WithDefault("10")
    int perResidentPerHour();
}
