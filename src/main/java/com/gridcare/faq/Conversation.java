package com.gridcare.faq;

import java.util.Optional;

/**
 * Who is talking to the bot, and where: a signed-in resident in the app, a follower in an official account's chat,
 * or someone anonymous. The first two have a conversation the bot remembers and can hand to a person; an anonymous
 * caller has neither, and is only told that a person could help.
 *
 * @param channel the escalation channel, {@code APP} or {@code WECHAT}; null when anonymous
 * @param residentId the signed-in resident in the app; null when anonymous and in WeChat, where the follower's
 *        resident is looked up only when an answer needs it (an intent, a hand-over)
 * @param appid the official account, in WeChat
 * @param openid the follower, in WeChat
 */
public record Conversation(String channel, Long residentId, String appid, String openid) {

    public static Conversation anonymous() {
        return new Conversation(null, null, null, null);
    }

    public static Conversation app(long residentId) {
        return new Conversation("APP", residentId, null, null);
    }

    public static Conversation wechat(String appid, String openid) {
        return new Conversation("WECHAT", null, appid, openid);
    }

    /**
     * The key the conversation is remembered by; empty for an anonymous caller. A chat in WeChat is one of its own,
     * apart from the same resident's in the app.
     */
    Optional<String> memoryKey() {
        if (openid != null) {
            return Optional.of("wechat:" + appid + ":" + openid);
        }
        return residentId == null ? Optional.empty() : Optional.of("resident:" + residentId);
    }
}
