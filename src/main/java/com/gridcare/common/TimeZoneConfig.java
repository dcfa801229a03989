package com.gridcare.common;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The utility's time zone, on its own so that the features that need it (the clock, importing, generating, WeChat's
 * answers) depend on this alone.
 */
@ConfigMapping(prefix = "gridcare")
public interface TimeZoneConfig {

    /** The utility's own time zone: bill periods, due dates and quiet hours are local dates and times. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();
}
