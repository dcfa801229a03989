package com.gridcare.faq;

import java.time.OffsetDateTime;
import java.util.List;

/** One topic of the knowledge base, in one version. Topics whose id starts with {@code intent.} are intents. */
public record FaqEntry(String topicId, String title, String answer, List<String> phrasings, String status, int version,
        OffsetDateTime updatedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";
    static final String INTENT_PREFIX = "intent.";

    public boolean intent() {
        return topicId.startsWith(INTENT_PREFIX);
    }
}
