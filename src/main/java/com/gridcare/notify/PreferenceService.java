package com.gridcare.notify;

import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.Page;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A resident's notification choices and their inbox: the outbox messages addressed to them. */
@ApplicationScoped
public class PreferenceService {

    private static final String PREFERENCES = """
            select topic, enabled, preferred_channel, quiet_from, quiet_until
              from contact_preference where resident_id = $1""";

    private static final String UPSERT = """
            insert into contact_preference (resident_id, topic, enabled, preferred_channel, quiet_from, quiet_until)
            values ($1, $2, $3, $4, $5, $6)
            on conflict (resident_id, topic) do update
               set enabled = excluded.enabled, preferred_channel = excluded.preferred_channel,
                   quiet_from = excluded.quiet_from, quiet_until = excluded.quiet_until, updated_at = now()""";

    /** Keyset on (created_at, id) before ($2, $3), newest first; refused topics were never sent, so they are not shown. */
    private static final String INBOX = """
            select id, topic, channel_code, payload, status, created_at, sent_at, read_at
              from outbox_message
             where resident_id = $1 and status <> 'SKIPPED' and (created_at, id) < ($2, $3)
             order by created_at desc, id desc
             limit $4""";

    /**
     * Opening the inbox is what shows a message reached the resident: the listed messages sent and not yet read become
     * read, each one READ for the recommender once (concurrent listings race on {@code read_at is null}).
     */
    private static final String MARK_READ = """
            with newly_read as (
                update outbox_message set read_at = $3
                 where id = any($1) and resident_id = $2 and status = 'SENT' and read_at is null
             returning id, customer_id, channel_code)
            insert into contact_outcome (outbox_message_id, customer_id, channel_code, outcome, occurred_at)
            select id, customer_id, channel_code, 'READ', $3 from newly_read where customer_id is not null""";

    private final Pool pool;
    private final Clock clock;

    public PreferenceService(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<List<Preference>> preferences(long residentId) {
        return pool.preparedQuery(PREFERENCES).execute(Tuple.of(residentId)).map(rows -> {
            Map<Topic, Preference> chosen = new HashMap<>();
            for (Row row : rows) {
                Topic topic = Topic.valueOf(row.getString("topic"));
                chosen.put(topic, new Preference(topic, row.getBoolean("enabled"), row.getString("preferred_channel"),
                        row.getLocalTime("quiet_from"), row.getLocalTime("quiet_until")));
            }
            return Arrays.stream(Topic.values()).filter(Topic::chosenByResident).map(topic -> chosen.getOrDefault(topic,
                    new Preference(topic, topic.wantedUnlessRefused(), null, null, null))).toList();
        });
    }

    public Uni<Preference> update(long residentId, Topic topic, PreferenceUpdate update) {
        if (!topic.chosenByResident()) {
            return Uni.createFrom().failure(new InvalidRequestException(
                    topic + " answers the resident's own question: there is no preference to set"));
        }
        if ((update.quietFrom() == null) != (update.quietUntil() == null)) {
            return Uni.createFrom().failure(new InvalidRequestException("give quietFrom and quietUntil together"));
        }
        LocalTime from = update.quietFrom() == null ? null : LocalTime.parse(update.quietFrom());
        LocalTime until = update.quietUntil() == null ? null : LocalTime.parse(update.quietUntil());
        if (from != null && from.equals(until)) {
            return Uni.createFrom().failure(new InvalidRequestException("quiet hours must not start and end at once"));
        }
        return pool.preparedQuery(UPSERT).execute(Tuple.from(new Object[] { residentId, topic.name(), update.enabled(),
                update.preferredChannel(), from, until }))
                .map(ignored -> new Preference(topic, update.enabled(), update.preferredChannel(), from, until));
    }

    public Uni<Page<InboxMessage>> inbox(long residentId, String cursor, Integer requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Page.TimeAndId before = Page.timeAndId(cursor, Page.TimeAndId.NEWEST);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.withTransaction(connection -> connection.preparedQuery(INBOX)
                .execute(Tuple.of(residentId, before.time(), before.id(), limit + 1))
                .map(rows -> Page.of(rows.stream().map(row -> message(row, now)).toList(), limit,
                        message -> new Page.TimeAndId(message.createdAt(), message.id()).parts()))
                .call(page -> connection.preparedQuery(MARK_READ).execute(Tuple.of(
                        page.items().stream().map(InboxMessage::id).toArray(Long[]::new), residentId, now))));
    }

    /** A sent message is read by this listing if it was not before. */
    private static InboxMessage message(Row row, OffsetDateTime now) {
        JsonObject payload = (JsonObject) row.getJson("payload");
        String status = row.getString("status");
        OffsetDateTime readAt = row.getOffsetDateTime("read_at");
        return new InboxMessage(row.getLong("id"), Topic.valueOf(row.getString("topic")), row.getString("channel_code"),
                payload.getString("title"), payload.getString("text"), status, row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("sent_at"), readAt == null && "SENT".equals(status) ? now : readAt);
    }
}
