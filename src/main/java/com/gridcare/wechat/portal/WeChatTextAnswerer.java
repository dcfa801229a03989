package com.gridcare.wechat.portal;

import io.smallrye.mutiny.Uni;

/**
 * Answers what a follower writes in the chat: the FAQ bot ({@link FaqTextAnswerer}), whose account intents are
 * answered from the follower's own account, as the menu buttons are ({@link ResidentAnswers}).
 */
public interface WeChatTextAnswerer {

    /** The reply text; never null (say that the question was not understood instead). */
    Uni<String> answer(String text, Asker asker);

    /** Who asks: the official account and the follower's openid there. */
    record Asker(String appid, String openid) {
    }
}
