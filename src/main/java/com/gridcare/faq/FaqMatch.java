package com.gridcare.faq;

import java.util.List;

/**
 * What the engine made of a question: the topic it answers with (null unless {@link Outcome#ANSWERED}), its
 * confidence and the closest topics to offer when it is not sure.
 */
public record FaqMatch(Outcome outcome, FaqEntry topic, double confidence, List<FaqEntry> alternatives,
        String normalisedQuestion) {

    public enum Outcome {
        /** Confident enough to answer with {@link FaqMatch#topic()}. */
        ANSWERED,
        /** About power, perhaps, but no topic is a safe answer: offer the closest ones and a person. */
        NOT_SURE,
        /** Closer to a question a power utility does not answer (weather, gas, tickets) than to any topic. */
        OUT_OF_SCOPE,
        /** Nothing left to understand once symbols, emoji and markup are removed. */
        NO_TEXT
    }

    public String topicId() {
        return topic == null ? null : topic.topicId();
    }
}
