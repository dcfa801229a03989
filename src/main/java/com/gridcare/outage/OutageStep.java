package com.gridcare.outage;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A move that needs nothing but the version it was made on (publish, cancel, close, dismiss). */
public record OutageStep(
        @Schema(description = "The version the change was made on (optimistic locking)") @NotNull Integer version) {
}
