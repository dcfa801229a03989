package com.gridcare.outage;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.gridcare.common.Problem;

/**
 * The 409 problem of a change made on a stale version (RFC 7807 with extension members): the current version, and
 * each field changed since with its current value, the version that last changed it, by whom and when. A move the
 * status does not allow is a plain problem (without the extension members) under the same 409.
 */
@Schema(description = "RFC 7807 problem details of an edit made on a stale version")
public record OutageConflict(String type, String title, int status, String detail, String instance,
        List<Problem.Violation> violations, int currentVersion, List<FieldChange> changes) {

    @Schema(name = "OutageFieldChange")
    public record FieldChange(String field,
            @Schema(description = "Its value now (text, a list of codes, or null)") Object currentValue,
            int version, String changedBy, OffsetDateTime changedAt) {
    }
}
