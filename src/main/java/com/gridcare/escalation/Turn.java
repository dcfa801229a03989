package com.gridcare.escalation;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One turn of the conversation with the bot that led to the escalation: as the app saw it, or as the bot remembered
 * it when it handed the conversation over itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Turn(
        @NotNull Speaker from,
        @NotBlank @Size(max = 2000) String text,
        @Size(max = 64) String topicId,
        @DecimalMin("0") @DecimalMax("1") Double confidence,
        @Schema(description = "When it was said, where known") OffsetDateTime at) {

    public enum Speaker {
        RESIDENT, BOT
    }
}
