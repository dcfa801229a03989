package com.gridcare.common;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one clock of the application, in the utility's time zone; tests replace it to move time. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(TimeZoneConfig config) {
        return Clock.system(config.timeZone());
    }
}
