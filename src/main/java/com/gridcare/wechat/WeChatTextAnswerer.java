package com.gridcare.wechat;

import io.smallrye.mutiny.Uni;

/**
 * Answers what a follower writes in the chat. The FAQ bot replaces the keyword default ({@link KeywordTextAnswerer})
 * by providing a bean of this type; it may use the follower's bound account through {@link ResidentAnswers}.
 */
public interface WeChatTextAnswerer {

    /** The reply text; never null (say that the question was not understood instead). */
    Uni<String> answer(String text, Asker asker);

    /** Who asks: the official account and the follower's openid there. */
    record Asker(String appid, String openid) {
    }
}
