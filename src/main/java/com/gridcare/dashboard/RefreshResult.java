package com.gridcare.dashboard;

import java.time.OffsetDateTime;
import java.util.List;

/** A finished refresh of every rollup: when it ended, how long it took in all and per view. */
public record RefreshResult(OffsetDateTime refreshedAt, long millis, List<ViewRefresh> views) {
}
