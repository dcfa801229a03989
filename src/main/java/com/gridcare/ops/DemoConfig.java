package com.gridcare.ops;

import io.smallrye.config.ConfigMapping;

/** The demo utility that dev mode seeds into an empty database. */
@ConfigMapping(prefix = "gridcare.demo")
public interface DemoConfig {

    /** Seed an empty database with a demo utility at start (dev mode). */
    boolean seedOnStart();

    /** Size of the demo utility in customers. */
    int customers();

    long seed();
}
