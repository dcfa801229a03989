package com.gridcare.outage;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Power is back: in the transformer areas named, or (none named) in the whole outage. */
public record RestoreRequest(
        @Schema(description = "The version the change was made on (optimistic locking)") @NotNull Integer version,
        @Schema(description = "Transformer areas (of the scope, or on its feeders) with power back; empty or absent: all")
        @Size(max = OutageDraft.MAX_SCOPE) List<@NotNull @Pattern(regexp = OutageDraft.CODE) String> transformerAreas) {
}
