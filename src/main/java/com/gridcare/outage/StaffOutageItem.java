package com.gridcare.outage;

import java.time.OffsetDateTime;

/** An outage in the staff list. */
public record StaffOutageItem(
        long id,
        OutageKind kind,
        OutageStatus status,
        int version,
        String cause,
        String description,
        OffsetDateTime startsAt,
        OffsetDateTime estimatedRestoreAt,
        OffsetDateTime restoredAt,
        long affectedCustomers) {
}
