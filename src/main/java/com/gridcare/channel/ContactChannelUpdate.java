package com.gridcare.channel;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bounds are those of {@code contact_channel.unit_cost} (numeric(8, 3)). */
public record ContactChannelUpdate(
        @Schema(example = "0.045", description = "CNY per contact") @NotNull @DecimalMin("0") @DecimalMax("99999.999")
        @Digits(integer = 5, fraction = 3) BigDecimal unitCost,
        @NotNull Boolean enabled) {
}
