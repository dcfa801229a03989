package com.gridcare.wechat;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import me.chanjar.weixin.common.api.WxConsts.EventType;
import me.chanjar.weixin.common.api.WxConsts.XmlMsgType;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/**
 * What each message or event does, as WxJava router rules (one router per account). Rules only pick the handler:
 * each handler starts its answer as a {@link Uni} and leaves it in the routing context, so routing never blocks and
 * runs on the event loop that received the message, with no hand-over to another thread. Duplicates are already gone
 * (Redis, in {@link WeChatPortal}): the router's own in-memory checker is switched off.
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
            .map(event -> event.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    /** The routing-context entry in which a handler leaves the answer it started. */
    private static final String ANSWER = "gridcare.answer";

    private final Map<String, WxMpMessageRouter> routers = new HashMap<>();
    private final ResidentAnswers answers;
    private final WeChatTextAnswerer answerer;
    private final WeChatUsers users;
    private final WeChatTexts texts;
    private final Clock clock;

    public WeChatRouter(WeChatAccounts accounts, WeChatWorkers workers, ResidentAnswers answers,
            WeChatTextAnswerer answerer, WeChatUsers users, WeChatTexts texts, Clock clock) {
        this.answers = answers;
        this.answerer = answerer;
        this.users = users;
        this.texts = texts;
        this.clock = clock;
        for (WeChatAccounts.Account account : accounts.all()) {
            routers.put(account.appId(), router(account, workers));
        }
    }

    /** The passive reply, or null for none. */
    public Uni<WxMpXmlOutMessage> route(String appid, WxMpXmlMessage message) {
        Map<String, Object> context = new HashMap<>(2);
        routers.get(appid).route(message, context);
        @SuppressWarnings("unchecked")
        Uni<String> answer = (Uni<String>) context.get(ANSWER);
        Uni<Void> interaction = opensWindow(message) ? users.messaged(appid, message.getFromUser(), clock.instant())
                : Uni.createFrom().voidItem();
        return interaction.chain(() -> answer == null ? Uni.createFrom().nullItem() : answer)
                .map(reply -> reply == null ? null
                        : WxMpXmlOutMessage.TEXT().content(reply).fromUser(message.getToUser())
                                .toUser(message.getFromUser()).build());
    }

    private static boolean opensWindow(WxMpXmlMessage message) {
        if (message.getFromUser() == null) {
            return false;
        }
        if (!XmlMsgType.EVENT.equals(message.getMsgType())) {
            return true;
        }
        String event = message.getEvent();
        return event != null && WINDOW_OPENING_EVENTS.contains(event.toLowerCase(Locale.ROOT));
    }

    private WxMpMessageRouter router(WeChatAccounts.Account account, WeChatWorkers workers) {
        String appid = account.appId();
        // the executor would run asynchronous rules; there are none
        WxMpMessageRouter router = new WxMpMessageRouter(account.service(), workers.executor());
        router.setMessageDuplicateChecker(messageId -> false);
        return router
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.SUBSCRIBE).handler(text(m ->
                        users.subscribed(appid, m.getFromUser(), clock.instant())
                                .map(subscribed -> answers.welcome(appid)))).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.UNSUBSCRIBE).handler(text(m ->
                        // the follower has left and sees no reply
                        users.unsubscribed(appid, m.getFromUser(), clock.instant()).replaceWith((String) null)))
                .end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.SCAN)
                .handler(text(m -> Uni.createFrom().item(answers.scanned(appid)))).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.CLICK).handler(text(m -> Intent
                        .ofKey(m.getEventKey()).map(intent -> answers.answer(intent, appid, m.getFromUser()))
                        .orElse(null))).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.LOCATION).handler(text(m ->
                        m.getLatitude() == null || m.getLongitude() == null ? null
                                : answers.outagesNearIfAny(m.getLatitude(), m.getLongitude()))).end()
                .rule().async(false).msgType(XmlMsgType.TEXT).handler(text(m ->
                        answerer.answer(m.getContent(), new WeChatTextAnswerer.Asker(appid, m.getFromUser()))))
                .end()
                .rule().async(false).msgType(XmlMsgType.LOCATION).handler(text(m ->
                        m.getLocationX() == null || m.getLocationY() == null ? null
                                : answers.outagesNear(m.getLocationX(), m.getLocationY()))).end()
                .rule().async(false).matcher(m -> OTHER_USER_MESSAGES.contains(m.getMsgType()))
                .handler(text(m -> Uni.createFrom().item(texts.text("message.unsupported")))).end();
    }

    /** A handler answering with text (none for a null answer, or a null item), addressed back to the sender. */
    private static WxMpMessageHandler text(TextHandler handler) {
        return (message, context, service, sessions) -> {
            Uni<String> answer = handler.answer(message);
            if (answer != null) {
                context.put(ANSWER, answer);
            }
            return null;
        };
    }

    @FunctionalInterface
    private interface TextHandler {
        /** The answer, not yet subscribed to; null when there is nothing to say. */
        Uni<String> answer(WxMpXmlMessage message);
    }
}
