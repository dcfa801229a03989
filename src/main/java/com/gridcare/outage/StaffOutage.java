package com.gridcare.outage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outage as staff manage it: every status, its scope, the customers it affects and what was changed when. */
public record StaffOutage(
        long id,
        OutageKind kind,
        OutageStatus status,
        @Schema(description = "Send it back with the next change (optimistic locking)") int version,
        String cause,
        String description,
        String crewContact,
        OffsetDateTime startsAt,
        OffsetDateTime estimatedRestoreAt,
        OffsetDateTime restoredAt,
        OffsetDateTime publishedAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Customers on its feeders and transformer areas, from the network model")
        long affectedCustomers,
        List<ScopeEntry> scope,
        @Schema(description = "Transformer areas whose power is back, first restored first")
        List<RestoredArea> restoredAreas,
        @Schema(description = "Every staff change, oldest first") List<Revision> history) {

    @Schema(name = "OutageScopeEntry")
    public record ScopeEntry(@Schema(enumeration = { "FEEDER", "TRANSFORMER_AREA" }) String kind, String code,
            String name) {
    }

    @Schema(name = "OutageRestoredArea")
    public record RestoredArea(String code, String name, OffsetDateTime restoredAt) {
    }

    /** One change: the version it made, what (field to its new value), who and when. */
    @Schema(name = "OutageRevision")
    public record Revision(int version, String action, String staffNo, OffsetDateTime at, Map<String, Object> changes) {
    }
}
