package com.gridcare.faq;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bot's answer to one question. */
public record FaqAnswer(
        @Schema(description = "The topic answered; null when the bot is not sure or the question is not about power")
        String topicId,
        @Schema(description = "Whether the topic is an intent, answered by a transaction on the resident's account")
        boolean intent,
        String answer,
        @Schema(description = "Calibrated chance that the best topic is the right one, 0..1")
        double confidence,
        @Schema(description = "The closest topics, offered when the bot is not sure")
        List<Alternative> alternatives,
        @Schema(description = "Whether to hand the resident to a person: asked for, or offered when not sure")
        boolean escalate,
        @Schema(description = "The escalation now carrying the conversation, when this answer handed it to a person "
                + "(signed-in residents only)")
        Long escalationId) {

    /** This answer, saying instead that the conversation is with staff now (or why it could not be). */
    FaqAnswer handedOver(Long escalation, String text) {
        return new FaqAnswer(topicId, intent, text, confidence, alternatives, true, escalation);
    }

    public record Alternative(String topicId, String title) {
    }
}
