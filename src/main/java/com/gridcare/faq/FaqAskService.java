package com.gridcare.faq;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.gridcare.common.ResourceTexts;
import com.gridcare.intent.Intent;
import com.gridcare.intent.IntentAnswer;
import com.gridcare.intent.IntentHandler;

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

    /**
     * The answer, whether the bot was unsure (what makes two unsure answers in a row a case for a person) and, for an
     * intent, what it came to (a channel words the cases without an account answer its own way).
     */
    record Answered(FaqAnswer answer, boolean unsure, Optional<IntentAnswer> intent) {
    }

    /** {@code resident} is asked only for an intent: looking up a WeChat follower's resident costs a query. */
    Uni<Answered> ask(@Valid @NotNull AskRequest request, Supplier<Uni<Optional<Long>>> resident) {
        Uni<FaqMatch> matched = Uni.createFrom().item(() -> engine.match(request.question()));
        if (request.question().length() > MATCHED_WHERE_ASKED) {
            matched = matched.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return matched.flatMap(match -> {
            Optional<Intent> intent = match.outcome() == FaqMatch.Outcome.ANSWERED
                    ? Intent.ofTopic(match.topicId()) : Optional.empty();
            if (intent.isPresent()) {
                return resident.get().chain(residentId -> intent(match, intent.get(), request, residentId));
            }
            return answer(match, request).map(answer -> new Answered(answer,
                    match.outcome() == FaqMatch.Outcome.NOT_SURE, Optional.empty()));
        });
    }

    /**
     * Read off the resident's account when there is one to read; otherwise the topic's knowledge-base text, which
     * says where to look it up and that the account must be bound.
     */
    private Uni<Answered> intent(FaqMatch match, Intent intent, AskRequest request, Optional<Long> residentId) {
        Optional<String> accountNo = Optional.ofNullable(request.accountNo()).map(String::strip)
                .filter(s -> !s.isEmpty()).or(() -> IntentHandler.accountMentioned(request.question()));
        return intents.answerMessage(intent, accountNo, residentId).map(answered -> new Answered(
                new FaqAnswer(match.topicId(), true,
                        answered.outcome() == IntentAnswer.Outcome.ANSWERED ? answered.text() : match.topic().answer(),
                        match.confidence(), List.of(), intent == Intent.AGENT_HUMAN, null),
                false, Optional.of(answered)));
    }

    private Uni<FaqAnswer> answer(FaqMatch match, AskRequest request) {
        return switch (match.outcome()) {
            case ANSWERED -> Uni.createFrom().item(new FaqAnswer(match.topicId(), match.topic().intent(),
                    match.topic().answer(), match.confidence(), List.of(), false, null));
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
