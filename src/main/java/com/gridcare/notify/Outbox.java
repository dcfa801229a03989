package com.gridcare.notify;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

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
 * the default when the resident can be reached on it, and quiet hours postpone the first attempt. A channel an
 * administrator switched off ({@code contact_channel.enabled}) is never chosen, except the app inbox, where every
 * message that reaches no one else ends up.
 */
@ApplicationScoped
public class Outbox {

    private static final String RECIPIENT = """
            select r.mobile, p.enabled, p.preferred_channel, p.quiet_from, p.quiet_until,
                   (select w.openid from wechat_user w where w.resident_id = r.id and w.subscribed
                     order by w.last_interaction_at desc nulls last limit 1) as openid,
                   (select e.email from contact_email e where e.resident_id = r.id) as email,
                   array(select c.code from contact_channel c where not c.enabled) as disabled
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
        return enqueue(connection, notice, null);
    }

    /**
     * A notice on the channel its sender chose (the reminders' channel choice): honoured while the channel is enabled,
     * even when the resident cannot be reached on it, whose adapter then says so and the dispatcher falls back to the
     * inbox; a switched-off channel gets gridcare's usual choice instead.
     */
    public Uni<Void> enqueueOn(SqlConnection connection, Notice notice, String channelCode) {
        return enqueue(connection, notice, channelCode);
    }

    private Uni<Void> enqueue(SqlConnection connection, Notice notice, String chosen) {
        return connection.preparedQuery(RECIPIENT).execute(Tuple.of(notice.residentId(), notice.topic().name()))
                .chain(rows -> {
                    Row resident = rows.iterator().next();
                    Boolean enabled = resident.getBoolean("enabled");
                    boolean wanted = enabled == null ? notice.topic().wantedUnlessRefused() : enabled;
                    NoticeRoute channel = channel(resident, notice, chosen);
                    ZonedDateTime now = ZonedDateTime.now(clock);
                    LocalTime quietFrom = resident.getLocalTime("quiet_from");
                    ZonedDateTime due = quietFrom == null ? now
                            : new QuietHours(quietFrom, resident.getLocalTime("quiet_until")).release(now);
                    JsonObject payload = new JsonObject().put("title", notice.title()).put("text", notice.text())
                            .put("data", new JsonObject(notice.data()));
                    return connection.preparedQuery(INSERT).execute(Tuple.from(new Object[] {
                            notice.idempotencyKey(), channel.channelCode(), notice.topic().name(), notice.customerId(),
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

    /**
     * The sender's choice if any, else {@link NoticeRoute}'s rule. A chosen channel without an address for the resident
     * is addressed to the app instead: its adapter reports the resident unreachable.
     */
    private static NoticeRoute channel(Row resident, Notice notice, String chosen) {
        List<String> disabled = List.of(resident.getArrayOfStrings("disabled"));
        String openid = resident.getString("openid");
        String mobile = resident.getString("mobile");
        String email = resident.getString("email");
        if (chosen != null && !disabled.contains(chosen)) {
            String address = switch (chosen) {
                case "WECHAT_TEMPLATE", "WECHAT_CUSTOMER_SERVICE" -> openid;
                case "SMS", "VOICE_CALL" -> mobile;
                case "EMAIL" -> email;
                case "AGENT_CALL", "STAFF_VISIT" -> notice.customerId() == null ? null : "customer:" + notice.customerId();
                default -> null;
            };
            return new NoticeRoute(chosen, address == null ? NoticeRoute.app(notice.residentId()).recipient() : address);
        }
        return NoticeRoute.of(new NoticeRoute.Reach(notice.residentId(), mobile, openid, email,
                resident.getString("preferred_channel")), notice.topic(), disabled);
    }
}
