package com.gridcare.outage;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new outage, made as a DRAFT: its scope (feeder and/or transformer area codes), window, cause and who to call. */
public record OutageDraft(
        @NotNull OutageKind kind,
        @Schema(description = "Feeder codes: every customer on them is affected", example = "[\"F00001\"]")
        @Size(max = OutageDraft.MAX_SCOPE) List<@NotNull @Pattern(regexp = CODE) String> feeders,
        @Schema(description = "Transformer area (台区) codes", example = "[\"T000001\"]")
        @Size(max = OutageDraft.MAX_SCOPE) List<@NotNull @Pattern(regexp = CODE) String> transformerAreas,
        @NotNull OffsetDateTime startsAt,
        @Schema(description = "End of a planned outage's window (required for PLANNED); estimated restoration of an "
                + "unplanned one, when known")
        OffsetDateTime estimatedRestoreAt,
        @Schema(description = "What caused it; UNKNOWN when not given", example = "EQUIPMENT_FAULT")
        @Pattern(regexp = CAUSE) String cause,
        @NotBlank @Size(max = 500) String description,
        @Schema(description = "Who residents or staff call about the work", example = "抢修班 0757-12345678")
        @Size(max = 64) String crewContact) {

    static final int MAX_SCOPE = 500;
    static final String CODE = "^[0-9A-Za-z_-]{1,16}$";
    static final String CAUSE = "^[A-Z][A-Z_]{0,31}$";
    static final String UNKNOWN_CAUSE = "UNKNOWN";
}
