package com.gridcare.wechat.portal;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.faq.AskRequest;
import com.gridcare.faq.Conversation;
import com.gridcare.faq.ConversationService;
import com.gridcare.wechat.WeChatTexts;

import io.smallrye.mutiny.Uni;

/**
 * Chat messages answered by the FAQ bot, as the follower's conversation (remembered per official account and
 * openid). The follower's resident, when they are one, is who asks: the bot's account intents are answered from
 * their own account by the same handler as the menu buttons and the app, so "我家停电了吗" in the chat and the
 * menu's outage button say the same thing; a follower without an account is sent the binding page. Asking for a
 * person, two unsure answers in a row, hand the chat to the grid service staff of the follower's account (the bot's
 * answer says so); everything else is the bot's answer as it stands.
 */
@ApplicationScoped
public class FaqTextAnswerer implements WeChatTextAnswerer {

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
        return conversations.ask(new AskRequest(bounded, null), Conversation.wechat(asker.appid(), asker.openid()))
                .map(reply -> reply.intent().flatMap(intent -> answers.worded(intent, asker.appid()))
                        .orElse(reply.answer().answer()));
    }
}
