package com.gridcare.wechat;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.faq.AskRequest;
import com.gridcare.faq.Conversation;
import com.gridcare.faq.ConversationService;

import io.smallrye.mutiny.Uni;

/**
 * Chat messages answered by the FAQ bot, as the follower's conversation (remembered per official account and
 * openid). When the bot recognises one of its account intents, the follower's own account answers it (the same
 * answers as the menu buttons), so "我家停电了吗" in the chat and the menu's outage button say the same thing; asking
 * for a person, two unsure answers in a row, hand the chat to the grid service staff of the follower's account (the
 * bot's answer says so); everything else is the bot's answer as it stands.
 */
@ApplicationScoped
public class FaqTextAnswerer implements WeChatTextAnswerer {

    private static final Map<String, Intent> INTENTS = Map.of(
            "intent.outage.mine", Intent.OUTAGE_STATUS,
            "intent.bill.mine", Intent.LATEST_BILL,
            "intent.usage.mine", Intent.CONSUMPTION,
            "intent.repair.report", Intent.REPORT_FAULT);

    private final ConversationService conversations;
    private final ResidentAnswers answers;
    private final WeChatTexts texts;

    public FaqTextAnswerer(ConversationService conversations, ResidentAnswers answers, WeChatTexts texts) {
        this.conversations = conversations;
        this.answers = answers;
        this.texts = texts;
    }

    @Override
    public Uni<String> answer(String text, Asker asker) {
        String question = text == null ? "" : text.strip();
        if (question.isEmpty()) {
            return Uni.createFrom().item(texts.text("text.unknown"));
        }
        String bounded = question.length() > AskRequest.MAX_QUESTION ? question.substring(0, AskRequest.MAX_QUESTION)
                : question;
        Conversation conversation = Conversation.wechat(asker.appid(), asker.openid());
        return conversations.ask(new AskRequest(bounded, null), conversation).chain(answer -> {
            Intent intent = answer.intent() ? INTENTS.get(answer.topicId()) : null;
            return intent == null ? Uni.createFrom().item(answer.answer())
                    : answers.answer(intent, asker.appid(), asker.openid());
        });
    }
}
