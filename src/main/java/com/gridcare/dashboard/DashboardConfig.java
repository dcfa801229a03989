package com.gridcare.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the dashboard's rollups are refreshed. */
@ConfigMapping(prefix = "gridcare.dashboard")
public interface DashboardConfig {

    /**
     * How often every rollup is recomputed (a duration, read by {@link DashboardRollups}'s schedule); {@code off}
     * stops it (tests refresh on demand). Charts show data as of the last refresh.
     */
    @WithDefault("15m")
    String refreshEvery();

    /**
     * Memory each refresh's sorts and hashes may use (PostgreSQL's work_mem, set for its transaction alone): with the
     * server's default of 4MB the join of 21 M bills to 1.8 M customers spills to disk in many batches.
     */
    @WithDefault("256MB")
    String refreshWorkMem();
}
