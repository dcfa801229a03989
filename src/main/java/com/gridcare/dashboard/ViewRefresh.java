package com.gridcare.dashboard;

/** One rollup's refresh and how long it took. */
public record ViewRefresh(String view, long millis) {
}
