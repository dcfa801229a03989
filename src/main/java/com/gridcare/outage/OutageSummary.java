package com.gridcare.outage;

import java.time.OffsetDateTime;

/**
 * A published outage as residents see it. {@code current} when it has started (and is not restored, or it would no
 * longer be published); otherwise it is upcoming. {@code kind} is PLANNED or UNPLANNED.
 */
public record OutageSummary(
        long id,
        String kind,
        boolean current,
        String cause,
        String description,
        OffsetDateTime startsAt,
        OffsetDateTime estimatedRestoreAt) {
}
