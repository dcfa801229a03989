package com.gridcare.outage;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new estimated restoration for a current unplanned outage. */
public record EstimateUpdate(
        @Schema(description = "The version the change was made on (optimistic locking)") @NotNull Integer version,
        @NotNull OffsetDateTime estimatedRestoreAt) {
}
