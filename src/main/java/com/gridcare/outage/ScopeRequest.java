package com.gridcare.outage;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A scope to preview before it is saved: feeder and transformer area codes. */
public record ScopeRequest(
        @Size(max = OutageDraft.MAX_SCOPE) List<@NotNull @Pattern(regexp = OutageDraft.CODE) String> feeders,
        @Size(max = OutageDraft.MAX_SCOPE) List<@NotNull @Pattern(regexp = OutageDraft.CODE) String> transformerAreas) {
}
