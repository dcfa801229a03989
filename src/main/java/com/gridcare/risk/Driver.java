package com.gridcare.risk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A feature that raised an account's risk: its scaled value and how much it added, in log-odds. */
public record Driver(
        @Schema(description = "Feature name (README, \"Fee-recovery risk\"); categories as name=value",
                example = "late_share") String feature,
        @Schema(description = "The account's value of it, scaled as the model sees it") double value,
        @Schema(description = "Log-odds it added against an average account") double effect) {
}
