package com.gridcare.escalation;

/** Why the bot handed the conversation to a person. */
public enum EscalationReason {
    /** The resident asked for a person (转人工). */
    USER_REQUEST,
    /** The bot was unsure twice in a row. */
    LOW_CONFIDENCE,
    /** The resident rated a bot answer as unhelpful. */
    NEGATIVE_RATING
}
