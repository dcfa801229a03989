package com.gridcare.wechat.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import me.chanjar.weixin.common.api.WxConsts.EventType;
import me.chanjar.weixin.common.api.WxConsts.XmlMsgType;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

import com.gridcare.notify.DeliveryReceipts;
import com.gridcare.wechat.WeChatTexts;
import com.gridcare.wechat.WeChatUsers;
import com.gridcare.wechat.menu.MenuKey;

/**
 * What each message or event does: a plain dispatch on message type and event to a handler that starts its answer
 * as a {@link Uni}. Handlers do not block, so routing runs on the event loop that received the message, with no
 * hand-over to another thread. Duplicates are already gone (Redis, in {@link WeChatPortal}).
 */
@ApplicationScoped
public class WeChatRouter {

    /** User messages other than text and location: answered with what we can handle. */
    private static final Set<String> OTHER_USER_MESSAGES = Set.of(XmlMsgType.IMAGE, XmlMsgType.VOICE,
            XmlMsgType.VIDEO, XmlMsgType.SHORTVIDEO, XmlMsgType.LINK);

    /**
     * Events that open WeChat's 48-hour window for customer-service messages, as a message of the follower's own
     * does: following, scanning our code, and the menu buttons that push an event (not those that open a page).
     */
    private static final Set<String> WINDOW_OPENING_EVENTS = Set.of(EventType.SUBSCRIBE, EventType.SCAN,
            EventType.CLICK, EventType.SCANCODE_PUSH, EventType.SCANCODE_WAITMSG).stream()
            .map(WeChatRouter::lowerCase).collect(Collectors.toUnmodifiableSet());

    /** WeChat's word for a template message that arrived; every other status it sends begins "failed". */
    private static final String TEMPLATE_ARRIVED = "success";

    private final ResidentAnswers answers;
    private final WeChatTextAnswerer answerer;
    private final WeChatUsers users;
    private final WeChatTexts texts;
    private final DeliveryReceipts receipts;
    private final Clock clock;

    public WeChatRouter(ResidentAnswers answers, WeChatTextAnswerer answerer, WeChatUsers users, WeChatTexts texts,
            DeliveryReceipts receipts, Clock clock) {
        this.answers = answers;
        this.answerer = answerer;
        this.users = users;
        this.texts = texts;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** The passive reply, or null for none. */
    public Uni<WxMpXmlOutMessage> route(String appid, WxMpXmlMessage message) {
        Uni<Void> interaction = opensWindow(message) ? users.messaged(appid, message.getFromUser(), clock.instant())
                : Uni.createFrom().voidItem();
        return interaction.chain(() -> answer(appid, message))
                .map(reply -> reply == null ? null
                        : WxMpXmlOutMessage.TEXT().content(reply).fromUser(message.getToUser())
                                .toUser(message.getFromUser()).build());
    }

    /** The answer's text, not yet subscribed to; a null item when there is nothing to say. */
    private Uni<String> answer(String appid, WxMpXmlMessage message) {
        String type = lowerCase(message.getMsgType());
        return switch (type) {
            case XmlMsgType.EVENT -> event(appid, message);
            case XmlMsgType.TEXT ->
                    answerer.answer(message.getContent(), new WeChatTextAnswerer.Asker(appid, message.getFromUser()));
            case XmlMsgType.LOCATION -> message.getLocationX() == null || message.getLocationY() == null ? nothing()
                    : answers.outagesNear(message.getLocationX(), message.getLocationY());
            default -> OTHER_USER_MESSAGES.contains(type) ? Uni.createFrom().item(texts.text("message.unsupported"))
                    : nothing();
        };
    }

    private Uni<String> event(String appid, WxMpXmlMessage message) {
        String follower = message.getFromUser();
        return switch (lowerCase(message.getEvent())) {
            case "subscribe" -> users.subscribed(appid, follower, clock.instant())
                    .map(subscribed -> answers.welcome(appid));
            // the follower has left and sees no reply
            case "unsubscribe" -> users.unsubscribed(appid, follower, clock.instant()).replaceWith((String) null);
            case "scan" -> Uni.createFrom().item(answers.scanned(appid));
            case "click" -> MenuKey.ofKey(message.getEventKey())
                    .map(key -> answers.clicked(key, appid, follower)).orElseGet(WeChatRouter::nothing);
            case "location" -> message.getLatitude() == null || message.getLongitude() == null ? nothing()
                    : answers.outagesNearIfAny(message.getLatitude(), message.getLongitude());
            case "templatesendjobfinish" -> templateSent(message).replaceWith((String) null);
            default -> nothing();
        };
    }

    /**
     * WeChat's report on a template message: its msgid (the XML's MsgID, which WxJava reads as the MsgId) and
     * whether it arrived. The message's outcome is recorded once; an unknown msgid, a repeat or a status of no known
     * kind changes nothing.
     */
    private Uni<Void> templateSent(WxMpXmlMessage message) {
        String status = message.getStatus();
        boolean arrived = TEMPLATE_ARRIVED.equalsIgnoreCase(status);
        if (message.getMsgId() == null || status == null
                || !arrived && !status.toLowerCase(Locale.ROOT).startsWith("failed")) {
            return Uni.createFrom().voidItem();
        }
        return receipts.byTemplateMsgid(message.getMsgId(), arrived,
                Instant.ofEpochSecond(message.getCreateTime()).atOffset(ZoneOffset.UTC)).replaceWithVoid();
    }

    private static boolean opensWindow(WxMpXmlMessage message) {
        if (message.getFromUser() == null) {
            return false;
        }
        if (!XmlMsgType.EVENT.equals(lowerCase(message.getMsgType()))) {
            return true;
        }
        return WINDOW_OPENING_EVENTS.contains(lowerCase(message.getEvent()));
    }

    private static Uni<String> nothing() {
        return Uni.createFrom().nullItem();
    }

    /** WeChat's types and events are matched ignoring case, as WxJava's router did. */
    private static String lowerCase(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
