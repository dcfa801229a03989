package com.gridcare.notify;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.Sha256;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The transactional outbox: a feature writes its notice on the same connection and in the same transaction as the
 * change that causes it, so a notice exists if and only if the change committed; dispatchers send later. This is where
 * every sender honours the resident's choices: a refused topic is recorded as SKIPPED, a preferred channel replaces
 * the default when the resident can be reached on it, and quiet hours postpone the first attempt.
 */
@ApplicationScoped
public class Outbox {

    private static final String RECIPIENT = """
            select r.mobile, p.enabled, p.preferred_channel, p.quiet_from, p.quiet_until,
                   (select w.openid from wechat_user w where w.resident_id = r.id and w.subscribed
                     order by w.last_interaction_at desc nulls last limit 1) as openid
              from resident r
              left join contact_preference p on p.resident_id = r.id and p.topic = $2
             where r.id = $1""";

    private static final String INSERT = """
            insert into outbox_message (idempotency_key, channel_code, topic, customer_id, resident_id, recipient,
                                        payload, status, next_attempt_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (idempotency_key) do nothing""";

    /** The follower's resident, when there is one, gets the answer in the app should WeChat not take it. */
    private static final String CHAT_ANSWER = """
            insert into outbox_message (idempotency_key, channel_code, topic, resident_id, recipient, payload, status,
                                        next_attempt_at)
            values ($1, 'WECHAT_CUSTOMER_SERVICE', 'CHAT_ANSWER',
                    (select resident_id from wechat_user where appid = $2 and openid = $3), $3, $4, 'PENDING', $5)
            on conflict (idempotency_key) do nothing""";

    /** The length of {@code outbox_message.idempotency_key}. */
    private static final int KEY_LENGTH = 120;

    private final Pool pool;
    private final NoticeTexts texts;
    private final Clock clock;

    public Outbox(Pool pool, NoticeTexts texts, Clock clock) {
        this.pool = pool;
        this.texts = texts;
        this.clock = clock;
    }

    public Uni<Void> enqueue(SqlConnection connection, Notice notice) {
        return connection.preparedQuery(RECIPIENT).execute(Tuple.of(notice.residentId(), notice.topic().name()))
                .chain(rows -> {
                    Row resident = rows.iterator().next();
                    Boolean enabled = resident.getBoolean("enabled");
                    boolean wanted = enabled == null ? notice.topic().wantedUnlessRefused() : enabled;
                    Channel channel = channel(resident, notice.residentId(), notice.topic());
                    ZonedDateTime now = ZonedDateTime.now(clock);
                    LocalTime quietFrom = resident.getLocalTime("quiet_from");
                    ZonedDateTime due = quietFrom == null ? now
                            : new QuietHours(quietFrom, resident.getLocalTime("quiet_until")).release(now);
                    JsonObject payload = new JsonObject().put("title", notice.title()).put("text", notice.text())
                            .put("data", new JsonObject(notice.data()));
                    return connection.preparedQuery(INSERT).execute(Tuple.from(new Object[] {
                            notice.idempotencyKey(), channel.code(), notice.topic().name(), notice.customerId(),
                            notice.residentId(), channel.recipient(), payload, wanted ? "PENDING" : "SKIPPED",
                            due.toOffsetDateTime() }));
                })
                .replaceWithVoid();
    }

    /**
     * The bot's answer to a follower's WeChat message that missed the passive reply: a customer-service message,
     * written down before it is sent so that it survives this instance. {@code idempotencyKey} names the message
     * answered, so the answer is written once however often this is called; one longer than the column is stored as
     * its SHA-256 (an event's key can be).
     */
    public Uni<Void> enqueueChatAnswer(String appid, String openid, String text, String idempotencyKey) {
        JsonObject payload = new JsonObject().put("title", texts.title("chat.ANSWER")).put("text", text);
        String key = idempotencyKey.length() <= KEY_LENGTH ? idempotencyKey : Sha256.hex(idempotencyKey);
        return pool.preparedQuery(CHAT_ANSWER)
                .execute(Tuple.of(key, appid, openid, payload, clock.instant().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private record Channel(String code, String recipient) {
    }

    /**
     * The preferred channel if the resident can be reached on it; else WeChat when followed, else the app. On WeChat a
     * staff member's reply is a conversation, so it goes as a customer-service message (within WeChat's 48 hours;
     * the dispatcher falls back to the app otherwise), every other notice as a template message.
     */
    private static Channel channel(Row resident, long residentId, Topic topic) {
        String openid = resident.getString("openid");
        Channel app = new Channel("APP_PUSH", "resident:" + residentId);
        Channel wechat = openid == null ? null
                : new Channel(topic == Topic.ESCALATION_REPLY ? "WECHAT_CUSTOMER_SERVICE" : "WECHAT_TEMPLATE", openid);
        Channel preferred = switch (String.valueOf(resident.getString("preferred_channel"))) {
            case "SMS" -> resident.getString("mobile") == null ? null : new Channel("SMS", resident.getString("mobile"));
            case "WECHAT_TEMPLATE" -> wechat;
            case "APP_PUSH" -> app;
            default -> null;
        };
        if (preferred != null) {
            return preferred;
        }
        return wechat == null ? app : wechat;
    }
}
