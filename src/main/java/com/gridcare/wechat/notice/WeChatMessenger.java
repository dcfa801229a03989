package com.gridcare.wechat.notice;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutTextMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;

import com.gridcare.wechat.WeChatConfig;
import com.gridcare.wechat.WeChatUsers;
import com.gridcare.wechat.api.WeChatAccounts;
import com.gridcare.wechat.api.WeChatApi;
import com.gridcare.wechat.api.WeChatUnavailableException;

/**
 * The WeChat channel for outgoing messages: customer-service (kefu) messages, allowed only within WeChat's 48-hour
 * window after the follower's last message, and template messages. A message the channel cannot deliver is reported
 * as {@link Outcome#CHANNEL_UNAVAILABLE} up front, so the caller picks another channel instead of failing later.
 * Sends go through {@link WeChatApi}: off the event loop, timed, behind the account's circuit breaker, repeated only
 * where a repeat cannot arrive twice (a template message carries its client_msg_id; a kefu text does not).
 */
@ApplicationScoped
public class WeChatMessenger {

    public static final Duration KEFU_WINDOW = Duration.ofHours(48);
    static final int UNSUBSCRIBED = 43004;
    static final int OUT_OF_WINDOW = 45047;
    static final int REPLY_TIME_LIMIT = 45015;
    /** The account's daily quota of this API is used up: nothing more goes out on it before midnight. */
    static final int DAILY_QUOTA = 45009;
    private static final Logger LOG = Logger.getLogger(WeChatMessenger.class);

    public enum Outcome {
        SENT,
        /** Not deliverable on this channel now (outside the window, no template for the topic, unknown follower). */
        CHANNEL_UNAVAILABLE,
        /** The follower unfollowed; they are marked so and nothing more is sent to them. */
        UNSUBSCRIBED,
        /** WeChat could not be used (down, busy, circuit open) and nothing arrived: the same send may be tried later. */
        TRY_LATER,
        /** A kefu text whose answer was lost (a time-out): it may have arrived, so sending it again may show it twice. */
        UNCERTAIN,
        /** WeChat refused the message (an error code of its own): sending it again would not help. */
        FAILED
    }

    /** What a template message is about; each account has its own template id for each. */
    public enum Topic {
        BILL_REMINDER(WeChatConfig.Templates::billReminder),
        OUTAGE_NOTICE(WeChatConfig.Templates::outageNotice),
        REPAIR_PROGRESS(WeChatConfig.Templates::repairProgress);

        private final Function<WeChatConfig.Templates, Optional<String>> templateId;

        Topic(Function<WeChatConfig.Templates, Optional<String>> templateId) {
            this.templateId = templateId;
        }
    }

    private final WeChatAccounts accounts;
    private final WeChatUsers users;
    private final WeChatApi api;
    private final Clock clock;

    public WeChatMessenger(WeChatAccounts accounts, WeChatUsers users, WeChatApi api, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.api = api;
        this.clock = clock;
    }

    /** A customer-service text, if the follower is subscribed and wrote to us within the last 48 hours. */
    public Uni<Outcome> sendText(String appid, String openid, String text) {
        Optional<WeChatAccounts.Account> account = accounts.find(appid);
        if (account.isEmpty()) {
            return Uni.createFrom().item(Outcome.CHANNEL_UNAVAILABLE);
        }
        return users.reachability(appid, openid).flatMap(reach -> {
            boolean inWindow = reach.isPresent() && reach.get().subscribed() && reach.get().lastInteraction() != null
                    && reach.get().lastInteraction().plus(KEFU_WINDOW).isAfter(clock.instant());
            return inWindow ? kefu(account.get(), openid, text) : Uni.createFrom().item(Outcome.CHANNEL_UNAVAILABLE);
        });
    }

    /**
     * A template message on {@code topic} with the template's keyword fields (since 2023 WeChat shows neither remark
     * nor colours: what matters goes in the keywords). {@code idempotencyKey} goes to WeChat as client_msg_id, which drops a repeat within
     * 24 hours: a retry after a time-out cannot reach the follower twice. Sent, it carries WeChat's msgid, which the
     * send-job event later names.
     */
    public Uni<TemplateSent> sendTemplate(String appid, String openid, Topic topic, Map<String, String> fields,
            String url, String idempotencyKey) {
        Optional<WeChatAccounts.Account> account = accounts.find(appid);
        String templateId = templateId(appid, topic).orElse(null);
        TemplateSent unavailable = new TemplateSent(Outcome.CHANNEL_UNAVAILABLE, null);
        if (templateId == null) {
            return Uni.createFrom().item(unavailable);
        }
        return users.reachability(appid, openid).flatMap(reach -> {
            if (reach.isEmpty() || !reach.get().subscribed()) {
                return Uni.createFrom().item(unavailable);
            }
            WxMpTemplateMessage message = WxMpTemplateMessage.builder().toUser(openid).templateId(templateId).url(url)
                    .clientMsgId(idempotencyKey).build();
            fields.forEach((name, value) -> message.addData(new WxMpTemplateData(name, value)));
            return call(account.get(), WeChatApi.Api.TEMPLATE_SEND, openid, () -> account.get().service()
                    .getTemplateMsgService().sendTemplateMsg(message), TemplateSent::new);
        });
    }

    /** What came of a template message; {@code msgid} is WeChat's id for it when it was {@link Outcome#SENT}. */
    public record TemplateSent(Outcome outcome, String msgid) {
    }

    /** Whether {@code appid} has added a template for {@code topic}; a topic without one goes by kefu, if at all. */
    public boolean hasTemplate(String appid, Topic topic) {
        return templateId(appid, topic).isPresent();
    }

    private Optional<String> templateId(String appid, Topic topic) {
        return accounts.find(appid).flatMap(account -> topic.templateId.apply(account.config().templates()));
    }

    private Uni<Outcome> kefu(WeChatAccounts.Account account, String openid, String text) {
        WxMpKefuMessage message = WxMpKefuMessage.TEXT().toUser(openid).content(text).build();
        return call(account, WeChatApi.Api.KEFU_SEND, openid,
                () -> account.service().getKefuService().sendKefuMessage(message), (outcome, answer) -> outcome);
    }

    /** {@code result} makes the caller's answer of the outcome and, when SENT, WeChat's answer (else null). */
    private <T, R> Uni<R> call(WeChatAccounts.Account account, WeChatApi.Api which, String openid, Callable<T> send,
            BiFunction<Outcome, T, R> result) {
        return api.call(account, which, send).map(answer -> result.apply(Outcome.SENT, answer))
                .onFailure().recoverWithUni(failure -> {
                    Outcome outcome = failed(account.appId(), which, failure);
                    R answer = result.apply(outcome, null);
                    return outcome == Outcome.UNSUBSCRIBED
                            ? users.unsubscribed(account.appId(), openid, clock.instant()).replaceWith(answer)
                            : Uni.createFrom().item(answer);
                });
    }

    private static Outcome failed(String appid, WeChatApi.Api which, Throwable failure) {
        if (failure instanceof WeChatUnavailableException unavailable) {
            LOG.warnf("WeChat %s for %s not sent: %s", which.tag(), appid, unavailable.reason());
            return unavailable.mayHaveArrived() && which == WeChatApi.Api.KEFU_SEND ? Outcome.UNCERTAIN
                    : Outcome.TRY_LATER;
        }
        int code = failure instanceof WxErrorException e && e.getError() != null ? e.getError().getErrorCode() : 0;
        return switch (code) {
            case UNSUBSCRIBED -> Outcome.UNSUBSCRIBED;
            case OUT_OF_WINDOW, REPLY_TIME_LIMIT, DAILY_QUOTA -> Outcome.CHANNEL_UNAVAILABLE;
            default -> {
                LOG.warnf("WeChat %s for %s refused: %s", which.tag(), appid, code == 0 ? failure.toString()
                        : "errcode " + code);
                yield Outcome.FAILED;
            }
        };
    }
}
