package com.gridcare.wechat.notice;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.notify.ChannelAdapter;
import com.gridcare.notify.Delivery;
import com.gridcare.notify.OutboxMessage;
import com.gridcare.notify.Topic;
import com.gridcare.wechat.WeChatUsers;

import io.smallrye.mutiny.Uni;

/**
 * WeChat notices: a template message where the follower's official account has a template for the topic (the
 * idempotency key goes along as client_msg_id, so WeChat drops a repeat), else a customer-service message if the
 * follower's 48-hour window is open, else the app. WeChat taking a template message is not its arrival: the outcome
 * waits for WeChat's send-job event, which names the msgid kept with the message.
 */
@ApplicationScoped
public class WeChatTemplateChannel implements ChannelAdapter {

    private final WeChatMessenger messenger;
    private final WeChatTemplates templates;
    private final WeChatUsers users;
    private final WeChatKefuChannel kefu;
    private final Clock clock;

    public WeChatTemplateChannel(WeChatMessenger messenger, WeChatTemplates templates, WeChatUsers users,
            WeChatKefuChannel kefu, Clock clock) {
        this.messenger = messenger;
        this.templates = templates;
        this.users = users;
        this.kefu = kefu;
        this.clock = clock;
    }

    @Override
    public String channelCode() {
        return "WECHAT_TEMPLATE";
    }

    @Override
    public Uni<Delivery> deliver(OutboxMessage message) {
        return WeChatKefuChannel.toFollower(users, message, appid -> {
            WeChatMessenger.Topic topic = templateTopic(message.topic());
            if (topic == null || !messenger.hasTemplate(appid, topic)) {
                return kefu.send(appid, message);
            }
            var fields = templates.fields(topic, message.title(),
                    message.createdAt().atZoneSameInstant(clock.getZone()), message.data());
            return messenger.sendTemplate(appid, message.recipient(), topic, fields, null, message.idempotencyKey())
                    .map(sent -> sent.outcome() == WeChatMessenger.Outcome.SENT ? awaitingReceipt(sent.msgid())
                            : WeChatKefuChannel.delivery(sent.outcome(), "wechat: not following"));
        });
    }

    /** Sent: an answer without a numeric msgid (never seen) cannot be matched to an event, so no outcome will come. */
    private static Delivery awaitingReceipt(String msgid) {
        try {
            return Delivery.awaitingTemplateReceipt(Long.parseLong(msgid));
        } catch (NumberFormatException e) {
            return Delivery.awaitingOutcome();
        }
    }

    private static WeChatMessenger.Topic templateTopic(Topic topic) {
        return switch (topic) {
            case BILL_REMINDER -> WeChatMessenger.Topic.BILL_REMINDER;
            case OUTAGE_NOTICE -> WeChatMessenger.Topic.OUTAGE_NOTICE;
            case REPAIR_PROGRESS -> WeChatMessenger.Topic.REPAIR_PROGRESS;
            case ARREARS_NOTICE, MARKETING, ESCALATION_REPLY, CHAT_ANSWER -> null;
        };
    }
}
