package com.gridcare.escalation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.gridcare.binding.AccountAccess;

public record EscalationRequest(
        @Schema(description = "One of my accounts; without it, my only bound account if I have exactly one")
        @Pattern(regexp = AccountAccess.ACCOUNT_NO, message = "must be an account number") String accountNo,
        @Schema(description = "What I want a person to answer") @NotBlank @Size(max = 1000) String question,
        @NotNull EscalationReason reason,
        @Schema(description = "The conversation with the bot so far, oldest first")
        @Size(max = 50) List<@Valid @NotNull Turn> conversation) {
}
