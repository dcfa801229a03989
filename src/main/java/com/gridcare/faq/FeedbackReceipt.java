package com.gridcare.faq;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the bot says to a rating, and the escalation an unhelpful one handed the conversation to. */
public record FeedbackReceipt(
        @Schema(description = "What to show the resident") String answer,
        @Schema(description = "The escalation now carrying the conversation, when an unhelpful rating handed it to a "
                + "person (signed-in residents only)")
        Long escalationId) {
}
