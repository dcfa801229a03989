package com.gridcare.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a signed-in client holds: a short-lived bearer token and a single-use refresh token for the next one. */
public record Session(
        @Schema(description = "JWT for the Authorization: Bearer header") String accessToken,
        @Schema(enumeration = "Bearer") String tokenType,
        @Schema(description = "Seconds until the access token expires") long expiresIn,
        @Schema(description = "Exchange once for a new session at POST /api/v1/auth/sessions/refresh") String refreshToken,
        long refreshExpiresIn,
        ResidentProfile resident) {
}
