package com.gridcare.faq;

import java.util.Optional;

/**
 * Who is talking to the bot, and where: a signed-in resident in the app, a follower in an official account's chat,
 * or someone anonymous. The first two have a conversation the bot remembers and can hand to a person; an anonymous
 * caller has neither, and is only told that a person could help.
 *
 * @param channel the escalation channel, {@code APP} or {@code WECHAT}; null when anonymous
 * @param residentId the signed-in resident; null in WeChat (found or made only when the chat is handed over)
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

    /** The key the conversation is remembered by; empty for an anonymous caller. */
    Optional<String> memoryKey() {
        if (residentId != null) {
            return Optional.of("resident:" + residentId);
        }
        return openid == null ? Optional.empty() : Optional.of("wechat:" + appid + ":" + openid);
    }
}
