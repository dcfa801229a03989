package com.gridcare.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The signed-in resident as the resident sees themselves: the mobile is masked like everywhere else. */
public record ResidentProfile(long id, @Schema(example = "138****5678") String mobile, int boundAccounts) {
}
