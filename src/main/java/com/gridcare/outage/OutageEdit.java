package com.gridcare.outage;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Changes to an outage made on {@code version}: a field left out (null) stays as it is; an empty list empties that
 * part of the scope. Also what confirming a suspected outage may change.
 */
public record OutageEdit(
        @Schema(description = "The version the change was made on (optimistic locking)") @NotNull Integer version,
        @Size(max = OutageDraft.MAX_SCOPE) List<@NotNull @Pattern(regexp = OutageDraft.CODE) String> feeders,
        @Size(max = OutageDraft.MAX_SCOPE) List<@NotNull @Pattern(regexp = OutageDraft.CODE) String> transformerAreas,
        OffsetDateTime startsAt,
        OffsetDateTime estimatedRestoreAt,
        @Pattern(regexp = OutageDraft.CAUSE) String cause,
        @Size(min = 1, max = 500) String description,
        @Size(max = 64) String crewContact) {
}
