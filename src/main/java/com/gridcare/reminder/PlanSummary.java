package com.gridcare.reminder;

import java.time.LocalDate;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one planning run did. */
public record PlanSummary(
        LocalDate day,
        @Schema(description = "Reminders of earlier runs whose bill's outcome became known, and were learned from")
        int settled,
        @Schema(description = "Reminder decisions taken in this run (contact or not)")
        int planned,
        @Schema(description = "Decisions to contact, per channel")
        Map<String, Integer> contacts,
        @Schema(description = "Decisions not to contact: no channel worth its cost, topic refused, weekly cap reached")
        int noContact,
        long millis) {
}
