package com.gridcare.repair;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The next step of a ticket: a crew (name and phone) is named when dispatching, and only then. */
public record RepairStepRequest(
        @Schema(description = "The status the ticket moves to; it must follow from the ticket's own")
        @NotNull RepairStatus status,
        @Schema(example = "城东抢修一班") @Size(max = 64) String crewName,
        @Schema(example = "13800001111") @Pattern(regexp = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$",
                message = "must be a mobile or landline number") String crewContact,
        @Schema(example = "变压器低压侧熔丝熔断，已更换") @Size(max = 500) String note) {
}
