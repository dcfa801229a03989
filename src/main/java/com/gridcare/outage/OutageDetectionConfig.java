package com.gridcare.outage;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When fault reports from one transformer area are taken for an outage there (see {@link OutageDetection}). */
@ConfigMapping(prefix = "gridcare.outage-detection")
public interface OutageDetectionConfig {

    /** Distinct customers of one transformer area whose reports within the window open a suspected outage. */
    @WithDefault("3")
    @Min(1)
    int reports();

    /** How far back reports count. */
    @WithDefault("15m")
    Duration window();
}
