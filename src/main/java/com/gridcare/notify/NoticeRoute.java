package com.gridcare.notify;

import java.util.Collection;

/**
 * Where a notice to a resident goes when its sender did not choose: the topic's preferred channel if the resident can
 * be reached on it and it is switched on; else WeChat when they follow the account (a staff reply as a
 * customer-service message, anything else as a template message); else the app inbox, which cannot be switched off.
 * The one rule for the outbox ({@link Outbox}) and for senders choosing for many residents at once (the outage
 * notices' fan-out).
 */
public record NoticeRoute(String channelCode, String recipient) {

    /** What reaches the resident: any of the addresses may be null. */
    public record Reach(long residentId, String mobile, String openid, String email, String preferredChannel) {
    }

    public static NoticeRoute of(Reach reach, Topic topic, Collection<String> disabled) {
        NoticeRoute app = app(reach.residentId());
        String wechatCode = topic == Topic.ESCALATION_REPLY ? "WECHAT_CUSTOMER_SERVICE" : "WECHAT_TEMPLATE";
        NoticeRoute wechat = reach.openid() == null ? null : new NoticeRoute(wechatCode, reach.openid());
        NoticeRoute preferred = switch (String.valueOf(reach.preferredChannel())) {
            case "SMS" -> reach.mobile() == null ? null : new NoticeRoute("SMS", reach.mobile());
            case "EMAIL" -> reach.email() == null ? null : new NoticeRoute("EMAIL", reach.email());
            case "WECHAT_TEMPLATE" -> wechat;
            case "APP_PUSH" -> app;
            default -> null;
        };
        if (preferred != null && !disabled.contains(preferred.channelCode())) {
            return preferred;
        }
        return wechat == null || disabled.contains(wechat.channelCode()) ? app : wechat;
    }

    static NoticeRoute app(long residentId) {
        return new NoticeRoute(AppInboxChannel.CODE, "resident:" + residentId);
    }
}
