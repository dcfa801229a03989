package com.gridcare.wechat.notice;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.notify.ChannelAdapter;
import com.gridcare.notify.Delivery;
import com.gridcare.notify.OutboxMessage;
import com.gridcare.wechat.WeChatUsers;

import io.smallrye.mutiny.Uni;

/**
 * WeChat customer-service (kefu) text messages: a staff member's reply to an escalation, and notices that have no
 * template. WeChat allows them only within 48 hours of the follower's last message; outside that window the resident
 * reads the message in the app instead.
 */
@ApplicationScoped
public class WeChatKefuChannel implements ChannelAdapter {

    private final WeChatMessenger messenger;
    private final WeChatUsers users;

    public WeChatKefuChannel(WeChatMessenger messenger, WeChatUsers users) {
        this.messenger = messenger;
        this.users = users;
    }

    @Override
    public String channelCode() {
        return "WECHAT_CUSTOMER_SERVICE";
    }

    @Override
    public Uni<Delivery> deliver(OutboxMessage message) {
        return toFollower(users, message, appid -> send(appid, message));
    }

    Uni<Delivery> send(String appid, OutboxMessage message) {
        return messenger.sendText(appid, message.recipient(), message.text())
                .map(outcome -> delivery(outcome, "wechat: out of window"));
    }

    /** Sends to the message's openid on the official account it follows; unavailable for an openid we never saw. */
    static Uni<Delivery> toFollower(WeChatUsers users, OutboxMessage message, Function<String, Uni<Delivery>> send) {
        return users.accountOf(message.recipient()).flatMap(appid -> appid.isEmpty()
                ? Uni.createFrom().item(Delivery.unavailable("wechat: unknown follower"))
                : send.apply(appid.get()));
    }

    /** The messenger's outcome for the outbox; {@code unavailable}: why this channel could not take the message. */
    static Delivery delivery(WeChatMessenger.Outcome outcome, String unavailable) {
        return switch (outcome) {
            case SENT -> Delivery.sent();
            case CHANNEL_UNAVAILABLE -> Delivery.unavailable(unavailable);
            case UNSUBSCRIBED -> Delivery.unavailable("wechat: unsubscribed");
            case TRY_LATER -> Delivery.retryable("wechat: not answering");
            // sending it again could show it twice: the app has it for sure
            case UNCERTAIN -> Delivery.unavailable("wechat: answer lost, not sent again");
            case FAILED -> Delivery.permanent("wechat: refused");
        };
    }
}
