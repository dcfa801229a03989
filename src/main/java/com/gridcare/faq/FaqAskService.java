package com.gridcare.faq;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.gridcare.common.ResourceTexts;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Answers a resident's question: a knowledge-base answer, an intent run for their account, or, when the engine is
 * not sure, the two closest topics and a person. Matching is CPU work (about 0.1 ms for a typical question, 0.3 ms at
 * the 99th percentile by faq-eval, 0.7 ms for a 500-character one). A question of chat length is matched on the
 * thread that received it: handing it to a worker and back costs about as much as matching it. A longer one goes to
 * a worker thread, so that no question stalls the event loop that serves every other request.
 */
@ApplicationScoped
public class FaqAskService {

    static final String HUMAN_AGENT = "intent.agent.human";
    static final String MESSAGES = "faq/messages.properties";
    /** The longest question matched on the thread that asks (chat length; well under 0.2 ms to match). */
    static final int MATCHED_WHERE_ASKED = 60;

    private final FaqEngine engine;
    private final IntentHandler intents;
    private final UnansweredLog unanswered;
    private final ResourceTexts messages;

    FaqAskService(FaqEngine engine, IntentHandler intents, UnansweredLog unanswered) {
        this.engine = engine;
        this.intents = intents;
        this.unanswered = unanswered;
        this.messages = ResourceTexts.load(MESSAGES);
    }

    /** The answer, and whether the bot was unsure (what makes two unsure answers in a row a case for a person). */
    record Answered(FaqAnswer answer, boolean unsure) {
    }

    Uni<Answered> ask(@Valid @NotNull AskRequest request, Optional<Long> residentId) {
        Uni<FaqMatch> matched = Uni.createFrom().item(() -> engine.match(request.question()));
        if (request.question().length() > MATCHED_WHERE_ASKED) {
            matched = matched.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return matched
                .flatMap(match -> answer(match, request, residentId)
                        .map(answer -> new Answered(answer, match.outcome() == FaqMatch.Outcome.NOT_SURE)));
    }

    private Uni<FaqAnswer> answer(FaqMatch match, AskRequest request, Optional<Long> residentId) {
        return switch (match.outcome()) {
            case ANSWERED -> match.topic().intent()
                    ? intents.answer(match.topic(), Optional.ofNullable(request.accountNo()).filter(s -> !s.isBlank()),
                            residentId)
                            .map(text -> new FaqAnswer(match.topicId(), true, text, match.confidence(), List.of(),
                                    HUMAN_AGENT.equals(match.topicId()), null))
                    : Uni.createFrom().item(new FaqAnswer(match.topicId(), false, match.topic().answer(),
                            match.confidence(), List.of(), false, null));
            case NOT_SURE -> unanswered.record(request.question(), match.normalisedQuestion(), match.outcome(),
                    match.alternatives().get(0).topicId(), match.confidence())
                    .replaceWith(new FaqAnswer(null, false, messages.text("not-sure"), match.confidence(),
                            match.alternatives().stream()
                                    .map(topic -> new FaqAnswer.Alternative(topic.topicId(), topic.title())).toList(),
                            true, null));
            case OUT_OF_SCOPE -> unanswered.record(request.question(), match.normalisedQuestion(), match.outcome(),
                    null, match.confidence())
                    .replaceWith(new FaqAnswer(null, false, messages.text("out-of-scope"), match.confidence(),
                            List.of(), false, null));
            case NO_TEXT -> Uni.createFrom().item(
                    new FaqAnswer(null, false, messages.text("no-text"), 0, List.of(), false, null));
        };
    }
}
