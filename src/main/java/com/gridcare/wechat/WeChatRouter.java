package com.gridcare.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import me.chanjar.weixin.common.api.WxConsts.EventType;
import me.chanjar.weixin.common.api.WxConsts.XmlMsgType;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/**
 * What each message or event does, as WxJava router rules (one router per account). Routing blocks: handlers wait for
 * the reactive services, so {@link #route} runs on {@link WeChatWorkers}, never on the event loop. Duplicates are
 * already gone (Redis, in {@link WeChatPortal}): the router's own in-memory checker is switched off.
 */
@ApplicationScoped
public class WeChatRouter {

    /** User messages other than text and location: answered with what we can handle. */
    private static final Set<String> OTHER_USER_MESSAGES = Set.of(XmlMsgType.IMAGE, XmlMsgType.VOICE,
            XmlMsgType.VIDEO, XmlMsgType.SHORTVIDEO, XmlMsgType.LINK);

    private final Map<String, WxMpMessageRouter> routers = new HashMap<>();
    private final ResidentAnswers answers;
    private final WeChatTextAnswerer answerer;
    private final WeChatUsers users;
    private final WeChatTexts texts;
    private final Clock clock;
    private final Duration timeout;

    public WeChatRouter(WeChatAccounts accounts, WeChatWorkers workers, ResidentAnswers answers,
            WeChatTextAnswerer answerer, WeChatUsers users, WeChatTexts texts, WeChatConfig config, Clock clock) {
        this.answers = answers;
        this.answerer = answerer;
        this.users = users;
        this.texts = texts;
        this.clock = clock;
        this.timeout = config.handlerTimeout();
        for (WeChatAccounts.Account account : accounts.all()) {
            routers.put(account.appId(), router(account, workers));
        }
    }

    /** The passive reply, or null for none. Blocking. */
    public WxMpXmlOutMessage route(String appid, WxMpXmlMessage message) {
        if (!XmlMsgType.EVENT.equals(message.getMsgType()) && message.getFromUser() != null) {
            await(users.messaged(appid, message.getFromUser(), clock.instant()));
        }
        return routers.get(appid).route(message);
    }

    private WxMpMessageRouter router(WeChatAccounts.Account account, WeChatWorkers workers) {
        String appid = account.appId();
        WxMpMessageRouter router = new WxMpMessageRouter(account.service(), workers.executor());
        router.setMessageDuplicateChecker(messageId -> false);
        return router
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.SUBSCRIBE).handler(text((m) -> {
                    await(users.subscribed(appid, m.getFromUser(), clock.instant()));
                    return answers.welcome(appid);
                })).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.UNSUBSCRIBE).handler(text((m) -> {
                    await(users.unsubscribed(appid, m.getFromUser(), clock.instant()));
                    return null; // the follower has left and sees no reply
                })).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.SCAN)
                .handler(text(m -> answers.scanned(appid))).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.CLICK).handler(text(m -> Intent
                        .ofKey(m.getEventKey()).map(intent -> await(answers.answer(intent, appid, m.getFromUser())))
                        .orElse(null))).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.LOCATION).handler(text(m ->
                        m.getLatitude() == null || m.getLongitude() == null ? null
                                : await(answers.outagesNearIfAny(m.getLatitude(), m.getLongitude())))).end()
                .rule().async(false).msgType(XmlMsgType.TEXT).handler(text(m ->
                        await(answerer.answer(m.getContent(), new WeChatTextAnswerer.Asker(appid, m.getFromUser())))))
                .end()
                .rule().async(false).msgType(XmlMsgType.LOCATION).handler(text(m ->
                        m.getLocationX() == null || m.getLocationY() == null ? null
                                : await(answers.outagesNear(m.getLocationX(), m.getLocationY())))).end()
                .rule().async(false).matcher(m -> OTHER_USER_MESSAGES.contains(m.getMsgType()))
                .handler(text(m -> texts.text("message.unsupported"))).end();
    }

    /** A handler answering with text (or nothing, for null), addressed back to the sender. */
    private static WxMpMessageHandler text(TextHandler handler) {
        return (message, context, service, sessions) -> {
            String reply = handler.reply(message);
            return reply == null ? null
                    : WxMpXmlOutMessage.TEXT().content(reply).fromUser(message.getToUser()).toUser(message.getFromUser())
                            .build();
        };
    }

    private <T> T await(Uni<T> answer) {
        return answer.await().atMost(timeout);
    }

    @FunctionalInterface
    private interface TextHandler {
        String reply(WxMpXmlMessage message);
    }
}
