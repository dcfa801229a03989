package com.gridcare.notify;

import java.time.LocalTime;
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
            select id, topic, channel_code, payload, status, created_at, sent_at
              from outbox_message
             where resident_id = $1 and status <> 'SKIPPED' and (created_at, id) < ($2, $3)
             order by created_at desc, id desc
             limit $4""";

    private final Pool pool;

    public PreferenceService(Pool pool) {
        this.pool = pool;
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
        return pool.preparedQuery(INBOX).execute(Tuple.of(residentId, before.time(), before.id(), limit + 1))
                .map(rows -> Page.of(rows.stream().map(PreferenceService::message).toList(), limit,
                        message -> new Page.TimeAndId(message.createdAt(), message.id()).parts()));
    }

    private static InboxMessage message(Row row) {
        JsonObject payload = (JsonObject) row.getJson("payload");
        return new InboxMessage(row.getLong("id"), Topic.valueOf(row.getString("topic")), row.getString("channel_code"),
                payload.getString("title"), payload.getString("text"), row.getString("status"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("sent_at"));
    }
}
