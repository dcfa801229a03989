package com.gridcare.console;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.gridcare.faq.NewFaqEntry;
import com.gridcare.faq.UnansweredQuestion;

/**
 * The console's form for a knowledge-base topic, as typed, so that a refused one comes back for correction with the
 * fields in {@code problems} marked. {@code question} is the unanswered question (normalised) it is written for, if
 * any; phrasings are one per line.
 */
public record FaqEntryForm(String question, String topicId, String title, String phrasings, String answer,
        Set<String> problems) {

    /** Marks the topic id as taken, apart from malformed: the page says so in other words. */
    static final String TOPIC_TAKEN = "topicTaken";

    static FaqEntryForm blank() {
        return new FaqEntryForm(null, null, null, null, null, Set.of());
    }

    /** Prefilled with the way residents last asked the question. */
    static FaqEntryForm answering(UnansweredQuestion unanswered) {
        return new FaqEntryForm(unanswered.normalisedQuestion(), null, null, unanswered.example(), null, Set.of());
    }

    FaqEntryForm refused(Set<String> fields) {
        return new FaqEntryForm(question, topicId, title, phrasings, answer, fields);
    }

    /** Whether the field was refused; for the page. */
    public boolean invalid(String field) {
        return problems.contains(field);
    }

    NewFaqEntry entry() {
        return new NewFaqEntry(topicId == null ? null : topicId.strip(), title, answer, phrasings == null ? List.of()
                : Arrays.stream(phrasings.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList());
    }
}
