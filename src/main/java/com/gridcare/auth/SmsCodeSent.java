package com.gridcare.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A code is on its way; {@code code} itself is only present in the demo profile. */
public record SmsCodeSent(@Schema(description = "Seconds the code stays valid") long expiresIn,
        @Schema(description = "Demo profile only: the code, so the demo can be driven by hand") String code) {
}
