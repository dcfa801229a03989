package com.gridcare.faq;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.gridcare.binding.AccountAccess;
import com.gridcare.common.ProblemException;
import com.gridcare.common.ResourceTexts;
import com.gridcare.escalation.EscalationReason;
import com.gridcare.escalation.ResidentEscalations;
import com.gridcare.escalation.Turn;
import com.gridcare.faq.ConversationMemory.Exchange;
import com.gridcare.intent.Intent;
import com.gridcare.intent.IntentAnswer;

import io.smallrye.mutiny.Uni;

/**
 * A conversation with the bot, in the app or a WeChat chat: each question is answered by {@link FaqAskService} and
 * remembered, and the bot hands the conversation to a person (an escalation carrying it, routed by
 * {@link ResidentEscalations}) when the resident asks for one (转人工), when it was unsure twice in a row, or when the
 * resident rates an answer unhelpful. A resident whose earlier escalation is still with staff gets the new turns added
 * to it instead of a second one. Anonymous callers are answered as before: no memory, only the offer of a person.
 */
@ApplicationScoped
public class ConversationService {

    /** Unsure answers in a row that hand the conversation over. */
    static final int UNSURE_IN_A_ROW = 2;

    /** Staff read the start of the bot's answer in the conversation; the knowledge base has the rest. */
    static final int REMEMBERED_ANSWER = 300;

    private final FaqAskService asking;
    private final ConversationMemory memory;
    private final UnansweredLog unanswered;
    private final ResidentEscalations escalations;
    private final FollowerResidents followers;
    private final AccountAccess access;
    private final Clock clock;
    private final ResourceTexts messages = ResourceTexts.load(FaqAskService.MESSAGES);

    ConversationService(FaqAskService asking, ConversationMemory memory, UnansweredLog unanswered,
            ResidentEscalations escalations, FollowerResidents followers, AccountAccess access, Clock clock) {
        this.asking = asking;
        this.memory = memory;
        this.unanswered = unanswered;
        this.escalations = escalations;
        this.followers = followers;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The bot's answer and, for an intent, what it came to: the app shows the answer as it stands, WeChat words the
     * intents that found no account to read its own way (a link to bind, to report a fault).
     */
    public record Reply(FaqAnswer answer, Optional<IntentAnswer> intent) {
    }

    public Uni<Reply> ask(@Valid @NotNull AskRequest request, Conversation conversation) {
        return asking.ask(request, () -> knownResident(conversation))
                .chain(answered -> inConversation(request, conversation, answered)
                        .map(answer -> new Reply(answer, answered.intent())));
    }

    /** The answer, remembered in the conversation, or the hand-over to a person that replaces it. */
    private Uni<FaqAnswer> inConversation(AskRequest request, Conversation conversation, FaqAskService.Answered answered) {
        FaqAnswer answer = answered.answer();
        Optional<String> key = conversation.memoryKey();
        if (key.isEmpty()) {
            return Uni.createFrom().item(answer);
        }
        Exchange exchange = new Exchange(request.question(), shorten(answer.answer()), answer.topicId(),
                answer.confidence(), answered.unsure(), OffsetDateTime.now(clock));
        boolean personAsked = Intent.AGENT_HUMAN.topicId().equals(answer.topicId());
        if (!personAsked && !answered.unsure()) {
            // a sure answer hands nothing over: the conversation is not needed back
            return memory.remember(key.get(), exchange).replaceWith(answer);
        }
        return memory.rememberAndRecall(key.get(), exchange).chain(remembered -> {
            EscalationReason reason = personAsked ? EscalationReason.USER_REQUEST
                    : unsureInARow(remembered) >= UNSURE_IN_A_ROW ? EscalationReason.LOW_CONFIDENCE : null;
            if (reason == null) {
                return Uni.createFrom().item(answer);
            }
            // the resident never sees the answer this hand-over replaces: it is left out of the conversation
            return handOver(conversation, key.get(), reason, question(reason, remembered), request.accountNo(),
                    turns(remembered, false))
                    .map(handedOver -> answer.handedOver(handedOver.escalationId(), handedOver.text()));
        });
    }

    /**
     * Logs an unhelpful rating for staff's list; a signed-in resident's also hands the conversation, with the rated
     * question in it, to a person.
     */
    public Uni<FeedbackReceipt> feedback(@Valid @NotNull FeedbackRequest feedback, Conversation conversation) {
        Uni<Void> logged = unanswered.feedback(feedback);
        Optional<String> key = conversation.memoryKey();
        if (feedback.helpful() || key.isEmpty()) {
            return logged.replaceWith(new FeedbackReceipt(
                    messages.text(feedback.helpful() ? "feedback.thanks" : "feedback.sorry"), null));
        }
        String question = feedback.question().strip();
        return logged.chain(() -> memory.recall(key.get())).chain(remembered -> {
            List<Turn> turns = turns(remembered, true);
            if (remembered.stream().noneMatch(exchange -> exchange.question().strip().equals(question))) {
                turns.add(new Turn(Turn.Speaker.RESIDENT, question, null, null, OffsetDateTime.now(clock)));
            }
            return handOver(conversation, key.get(), EscalationReason.NEGATIVE_RATING, question, null, turns);
        }).map(handedOver -> new FeedbackReceipt(handedOver.text(), handedOver.escalationId()));
    }

    /** What the resident is told, and the escalation (null when none could be opened). */
    private record HandedOver(Long escalationId, String text) {
    }

    private Uni<HandedOver> handOver(Conversation conversation, String key, EscalationReason reason, String question,
            String accountNo, List<Turn> turns) {
        return resident(conversation)
                .chain(resident -> customer(resident, accountNo)
                        .chain(customer -> escalations.handOver(resident, customer, conversation.channel(), reason,
                                question, turns)))
                .call(() -> memory.forget(key))
                .map(handOver -> new HandedOver(handOver.escalationId(), messages.text(
                        handOver.opened() ? "escalated." + reason : "escalation.open",
                        String.valueOf(handOver.escalationId()))))
                .onFailure(ProblemException.class).recoverWithItem(failure -> new HandedOver(null, messages.text(
                        ((ProblemException) failure).status() == 429 ? "escalation.busy" : "escalation.unavailable")));
    }

    /** The resident the conversation is with, if any; a WeChat follower's is looked up only when asked for. */
    private Uni<Optional<Long>> knownResident(Conversation conversation) {
        return conversation.residentId() == null && conversation.openid() != null
                ? followers.residentOf(conversation.appid(), conversation.openid())
                : Uni.createFrom().item(Optional.ofNullable(conversation.residentId()));
    }

    /** A follower is found, or made a resident, only now that they need to be one. */
    private Uni<Long> resident(Conversation conversation) {
        return conversation.residentId() != null ? Uni.createFrom().item(conversation.residentId())
                : followers.residentFor(conversation.appid(), conversation.openid());
    }

    /** The account the resident asked about if it is theirs; else null, and the escalation routes by their only one. */
    private Uni<Long> customer(long residentId, String accountNo) {
        if (accountNo == null || accountNo.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return access.customerIdFor(residentId, accountNo.strip())
                .onFailure(ProblemException.class).recoverWithNull();
    }

    private static int unsureInARow(List<Exchange> remembered) {
        int count = 0;
        for (int i = remembered.size() - 1; i >= 0 && remembered.get(i).unsure(); i--) {
            count++;
        }
        return count;
    }

    /** "转人工" says nothing staff can answer: the question before it does, when there was one. */
    private static String question(EscalationReason reason, List<Exchange> remembered) {
        int last = remembered.size() - 1;
        return reason == EscalationReason.USER_REQUEST && last > 0 ? remembered.get(last - 1).question()
                : remembered.get(last).question();
    }

    private static List<Turn> turns(List<Exchange> exchanges, boolean lastAnswerShown) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < exchanges.size(); i++) {
            Exchange exchange = exchanges.get(i);
            turns.add(new Turn(Turn.Speaker.RESIDENT, exchange.question(), null, null, exchange.at()));
            if (lastAnswerShown || i < exchanges.size() - 1) {
                turns.add(new Turn(Turn.Speaker.BOT, exchange.answer(), exchange.topicId(), exchange.confidence(),
                        exchange.at()));
            }
        }
        return turns;
    }

    private static String shorten(String answer) {
        return answer.length() <= REMEMBERED_ANSWER ? answer : answer.substring(0, REMEMBERED_ANSWER - 1) + "…";
    }
}
