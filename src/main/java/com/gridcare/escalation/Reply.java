package com.gridcare.escalation;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A staff member's answer; residents see the staff member's name masked. */
public record Reply(long id, String text, @Schema(example = "张**") String staffName, OffsetDateTime at) {
}
