package com.gridcare.notify;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A way the utility contacts customers, with what one contact costs (CNY). */
public record ContactChannel(@Schema(example = "SMS") String code, @Schema(example = "短信") String name,
        @Schema(example = "0.045") BigDecimal unitCost,
        @Schema(description = "Whether reaching someone through it requires them to follow or install something")
        boolean needsSubscription,
        @Schema(description = "Switched off: nothing new is sent on it") boolean enabled) {
}
