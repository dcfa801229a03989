package com.gridcare.wechat;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.faq.AskRequest;
import com.gridcare.faq.FaqAskService;

import io.smallrye.mutiny.Uni;

/**
 * Chat messages answered by the FAQ bot. When the bot recognises one of its account intents, the follower's own
 * account answers it (the same answers as the menu buttons), so "我家停电了吗" in the chat and the menu's outage
 * button say the same thing; asking for a person opens an escalation to the account's grid service staff; everything
 * else is the bot's answer as it stands.
 */
@ApplicationScoped
public class FaqTextAnswerer implements WeChatTextAnswerer {

    private static final Map<String, Intent> INTENTS = Map.of(
            "intent.outage.mine", Intent.OUTAGE_STATUS,
            "intent.bill.mine", Intent.LATEST_BILL,
            "intent.usage.mine", Intent.CONSUMPTION,
            "intent.repair.report", Intent.REPORT_FAULT,
            "intent.agent.human", Intent.HUMAN_AGENT);

    private final FaqAskService faq;
    private final ResidentAnswers answers;
    private final WeChatTexts texts;

    public FaqTextAnswerer(FaqAskService faq, ResidentAnswers answers, WeChatTexts texts) {
        this.faq = faq;
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
        return faq.ask(new AskRequest(bounded, null), Optional.empty()).chain(answer -> {
            Intent intent = answer.intent() ? INTENTS.get(answer.topicId()) : null;
            if (intent == Intent.HUMAN_AGENT) {
                return answers.handOver(asker.appid(), asker.openid(), bounded);
            }
            return intent == null ? Uni.createFrom().item(answer.answer())
                    : answers.answer(intent, asker.appid(), asker.openid());
        });
    }
}
