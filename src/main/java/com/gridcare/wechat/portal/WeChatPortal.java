package com.gridcare.wechat.portal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import com.gridcare.common.PiiMasker;
import com.gridcare.notify.Outbox;
import com.gridcare.wechat.WeChatConfig;
import com.gridcare.wechat.api.WeChatAccounts;
import com.gridcare.wechat.api.WeChatRefusedException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutTextMessage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;

/**
 * WeChat's side of the conversation: checks that a request comes from WeChat, handles each message once, and answers
 * within the reply budget. Everything protocol-level (signatures, AES, XML) is WxJava's.
 * <p>
 * Once a request is verified, WeChat always gets a 200: a reply, or "success" when there is nothing to say, when the
 * message was handled before (a retry), when the handler is too slow (its answer follows as a kefu message) or when
 * something fails. Any other status makes WeChat show the follower "该公众号暂时无法提供服务".
 */
@ApplicationScoped
public class WeChatPortal {

    public static final String SUCCESS = "success";
    private static final Logger LOG = Logger.getLogger(WeChatPortal.class);

    /** {@link #FIRST_DELIVERY}'s answers. */
    private static final int FIRST = 1;
    private static final int REPEAT = 0;
    private static final int REPLAYED = -1;

    /**
     * One step in Redis, so that two instances given the same delivery cannot both take it as the first: KEYS[1] the
     * request's nonce, KEYS[2] the message; ARGV[1] what makes the message itself, ARGV[2] seconds to keep both. A used
     * nonce is fine on a byte-for-byte repeat of its request (WeChat retrying a delivery, which the message's own key
     * then finds a repeat) and refused with any other message (a replay with altered content).
     */
    private static final String FIRST_DELIVERY = """
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2])
                    and redis.call('GET', KEYS[1]) ~= ARGV[1] then
                return %d
            end
            if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[2]) then
                return %d
            end
            return %d""".formatted(REPLAYED, FIRST, REPEAT);

    private final WeChatAccounts accounts;
    private final WeChatRouter router;
    private final Outbox outbox;
    private final ReactiveRedisDataSource redis;
    private final Clock clock;
    private final WeChatConfig config;
    private final String ttlSeconds;
    private final Counter handled;
    private final Counter repeats;

    public WeChatPortal(WeChatAccounts accounts, WeChatRouter router, Outbox outbox,
            ReactiveRedisDataSource redis, Clock clock, WeChatConfig config, MeterRegistry metrics) {
        this.accounts = accounts;
        this.router = router;
        this.outbox = outbox;
        this.redis = redis;
        this.clock = clock;
        this.config = config;
        this.ttlSeconds = Long.toString(config.dedupTtl().toSeconds());
        // handled + repeats = verified deliveries; summed over instances, handled is the number of distinct messages
        this.handled = Counter.builder("gridcare.wechat.deliveries").tag("outcome", "handled")
                .description("Verified WeChat deliveries: handled, or a repeat of one handled before").register(metrics);
        this.repeats = Counter.builder("gridcare.wechat.deliveries").tag("outcome", "repeat").register(metrics);
    }

    /** WeChat's server verification: the echostr back if the request is signed with the account's token. */
    public String verify(String appid, String signature, String timestamp, String nonce, String echostr) {
        WeChatAccounts.Account account = account(appid);
        checkSigned(account, signature, timestamp, nonce);
        if (echostr == null) {
            throw WeChatRefusedException.malformed("echostr is missing");
        }
        return echostr;
    }

    /** The passive reply (XML, encrypted in safe and compatible mode) or "success". */
    public Uni<Reply> receive(String appid, Signed request, byte[] body) {
        WeChatAccounts.Account account = account(appid);
        if (body.length > config.maxBodyBytes()) {
            throw new WeChatRefusedException(413, "payload-too-large",
                    "a WeChat message has at most " + config.maxBodyBytes() + " bytes");
        }
        checkSigned(account, request.signature(), request.timestamp(), request.nonce());
        boolean encrypted = "aes".equalsIgnoreCase(request.encryptType());
        WxMpXmlMessage message = parse(account, request, encrypted, new String(body, StandardCharsets.UTF_8));
        String nonceKey = WeChatAccounts.REDIS_PREFIX + ":nonce:" + appid + ":" + request.timestamp() + ":"
                + request.nonce();
        String dedupKey = dedupKey(message);
        String seenKey = WeChatAccounts.REDIS_PREFIX + ":seen:" + appid + ":" + dedupKey;
        return redis.execute("EVAL", FIRST_DELIVERY, "2", nonceKey, seenKey, dedupKey, ttlSeconds)
                .map(Response::toInteger)
                .flatMap(delivery -> {
                    if (delivery == REPLAYED) {
                        throw WeChatRefusedException.forbidden("replayed-request",
                                "this nonce was used for another message");
                    }
                    boolean first = delivery == FIRST;
                    (first ? handled : repeats).increment();
                    return first ? handle(account, message, dedupKey, encrypted) : success();
                })
                // without Redis no message can be handled exactly once: none is handled, and WeChat sees no error
                .onFailure(failure -> !(failure instanceof WeChatRefusedException)).recoverWithItem(failure -> {
                    LOG.errorf("WeChat %s %s not handled, Redis failed: %s", message.getMsgType(), loggedKey(message),
                            failure.toString());
                    return Reply.SUCCESS;
                });
    }

    /**
     * What makes a delivery the same message: the MsgId with the sender (MsgIds of different followers have been seen
     * to collide), or for events, which have none, sender, time, event and key (one second may hold several events).
     */
    static String dedupKey(WxMpXmlMessage message) {
        return key(message, message.getFromUser());
    }

    /** The de-duplication key as log lines show it: the sender's openid masked. */
    static String loggedKey(WxMpXmlMessage message) {
        return key(message, PiiMasker.openid(message.getFromUser()));
    }

    private static String key(WxMpXmlMessage message, String sender) {
        if (message.getMsgId() != null) {
            return "msg:" + sender + ":" + message.getMsgId();
        }
        return "event:" + sender + ":" + message.getCreateTime() + ":" + message.getEvent() + ":"
                + (message.getEventKey() == null ? "" : message.getEventKey());
    }

    private Uni<Reply> handle(WeChatAccounts.Account account, WxMpXmlMessage message, String dedupKey,
            boolean encrypted) {
        CompletableFuture<WxMpXmlOutMessage> routed = router.route(account.appId(), message)
                .ifNoItem().after(config.handlerTimeout()).fail()
                .subscribeAsCompletionStage();
        // a stage of its own: the timeout below cancels it, not the routing, whose answer is then sent late
        CompletableFuture<Reply> rendered = routed.thenApply(out -> render(account, out, encrypted));
        return Uni.createFrom().completionStage(rendered)
                .ifNoItem().after(config.replyBudget()).recoverWithItem(() -> {
                    routed.whenComplete((late, failure) -> sendLate(account.appId(), message, dedupKey, late, failure));
                    return Reply.SUCCESS;
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "WeChat %s %s not answered", message.getMsgType(), loggedKey(message));
                    return Reply.SUCCESS;
                });
    }

    /**
     * The answer that missed the passive reply goes to the outbox as a customer-service message: written down, so
     * that it reaches the follower even if this instance stops before it is sent.
     */
    private void sendLate(String appid, WxMpXmlMessage message, String dedupKey, WxMpXmlOutMessage late,
            Throwable failure) {
        String logged = loggedKey(message);
        if (failure != null) {
            LOG.warnf("Late WeChat answer to %s failed: %s", logged, failure.toString());
        } else if (late instanceof WxMpXmlOutTextMessage text) {
            outbox.enqueueChatAnswer(appid, message.getFromUser(), text.getContent(), "wechat-late:" + appid + ":"
                    + dedupKey).subscribe().with(
                            written -> LOG.debugf("Late WeChat answer to %s in the outbox", logged),
                            error -> LOG.errorf("Late WeChat answer to %s lost: %s", logged, error.toString()));
        }
    }

    private static Reply render(WeChatAccounts.Account account, WxMpXmlOutMessage out, boolean encrypted) {
        if (out == null) {
            return Reply.SUCCESS;
        }
        return new Reply(encrypted ? out.toEncryptedXml(account.storage()) : out.toXml(), "application/xml");
    }

    private WxMpXmlMessage parse(WeChatAccounts.Account account, Signed request, boolean encrypted, String xml) {
        refuseDeclarations(xml);
        String plain = xml;
        if (encrypted) {
            if (request.msgSignature() == null) {
                throw WeChatRefusedException.forbidden("bad-signature", "msg_signature is missing");
            }
            try {
                plain = new WxMpCryptUtil(account.storage())
                        .decryptXml(request.msgSignature(), request.timestamp(), request.nonce(), xml);
            } catch (RuntimeException e) {
                throw WeChatRefusedException.forbidden("bad-signature",
                        "the encrypted message does not verify or decrypt with this account's key");
            }
            refuseDeclarations(plain);
        }
        WxMpXmlMessage message;
        try {
            // not fromXml(String): that also copies every field into a map nothing here reads, through a SAX parser
            // built and looked up anew for each message, which was two thirds of the parsing
            message = WxMpXmlMessage.fromXml(new ByteArrayInputStream(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw WeChatRefusedException.malformed("the body is not a WeChat XML message");
        }
        if (message.getMsgType() == null || message.getFromUser() == null || message.getCreateTime() == null) {
            throw WeChatRefusedException.malformed("MsgType, FromUserName and CreateTime are required");
        }
        return message;
    }

    /**
     * WeChat never sends a DOCTYPE or entity declaration; refusing any keeps XXE and entity expansion away from every
     * XML parser behind WxJava, whatever its settings.
     */
    private static void refuseDeclarations(String xml) {
        String upper = xml.toUpperCase(Locale.ROOT);
        if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
            throw WeChatRefusedException.malformed("XML declarations (DOCTYPE, ENTITY) are not accepted");
        }
    }

    private void checkSigned(WeChatAccounts.Account account, String signature, String timestamp, String nonce) {
        if (signature == null || timestamp == null || nonce == null) {
            throw WeChatRefusedException.forbidden("bad-signature", "signature, timestamp and nonce are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw WeChatRefusedException.malformed("timestamp is not a number");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (skew.compareTo(config.timestampTolerance()) > 0) {
            throw WeChatRefusedException.forbidden("stale-request", "the timestamp is too far from now");
        }
        if (!account.service().checkSignature(timestamp, nonce, signature)) {
            throw WeChatRefusedException.forbidden("bad-signature", "the signature does not match");
        }
    }

    private WeChatAccounts.Account account(String appid) {
        return accounts.find(appid).orElseThrow(NotFoundException::new);
    }

    private static Uni<Reply> success() {
        return Uni.createFrom().item(Reply.SUCCESS);
    }

    /** The query parameters WeChat signs a POST with; {@code encryptType} and {@code msgSignature} in safe mode. */
    public record Signed(String signature, String timestamp, String nonce, String encryptType, String msgSignature) {
    }

    public record Reply(String body, String mediaType) {
        static final Reply SUCCESS = new Reply(WeChatPortal.SUCCESS, "text/plain");
    }
}
