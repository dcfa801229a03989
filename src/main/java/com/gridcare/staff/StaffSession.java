package com.gridcare.staff;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A staff sign-in: a bearer token for one shift (the console keeps it in an HttpOnly cookie instead). */
public record StaffSession(
        @Schema(description = "JWT for the Authorization: Bearer header") String accessToken,
        @Schema(enumeration = "Bearer") String tokenType,
        @Schema(description = "Seconds until the token expires") long expiresIn,
        StaffMember staff) {
}
