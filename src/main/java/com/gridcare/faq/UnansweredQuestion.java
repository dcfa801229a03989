package com.gridcare.faq;

import java.time.OffsetDateTime;

/** A question the bot could not answer well, grouped by its normalised form, with how often and why. */
public record UnansweredQuestion(String normalisedQuestion, String example, long count, long notSure,
        long outOfScope, long unhelpful, OffsetDateTime lastAskedAt) {
}
