package com.gridcare.repair;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A resident's fault report for one of their accounts. */
public record RepairReport(
        @NotBlank @Size(max = 500) String description,
        @Schema(description = "A mobile (11 digits) or a landline with area code", example = "13812345678")
        @NotNull @Pattern(regexp = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$", message = "must be a mobile or landline number") String contactPhone,
        @Schema(description = "Photos already uploaded, as https URLs") @Size(max = 6) List<@NotNull @Size(max = 500) @Pattern(regexp = "^https://\\S+$", message = "must be an https URL") String> photoUrls) {
}
