package com.gridcare.outage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.gridcare.common.ResourceTexts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Outages noticed from what residents report: each new repair report, and each "停电了" told to the bot, is a signal
 * from the customer's transformer area ({@code outage_signal}, owned here). When
 * {@link OutageDetectionConfig#reports()} distinct customers of one area signal within
 * {@link OutageDetectionConfig#window()}, a SUSPECTED unplanned outage covering that area is opened for staff to
 * confirm or dismiss. Reports spread over many areas open nothing.
 * <p>
 * One suspected outage per area and episode, with any number of instances: the decision for an area is taken under a
 * transaction-scoped advisory lock on the area, so a second report counts only after the first has committed and
 * then finds the outage it opened. An episode ends when power is back in the area or staff dismiss the suspicion:
 * only signals after that count towards the next one.
 */
@ApplicationScoped
public class OutageDetection {

    public enum Source {
        /** A new repair ticket. */
        REPAIR,
        /** The bot's outage intent, written by the resident in the app or a WeChat chat. */
        CHAT
    }

    /** The first key of the advisory locks taken here ("outg"); the second is the transformer area. */
    private static final int LOCK_NAMESPACE = 0x6f757467;

    private static final String SIGNAL = """
            insert into outage_signal (transformer_area_id, customer_id, source, at)
            select transformer_area_id, id, $2, $3 from customer where id = $1 and transformer_area_id is not null
            returning transformer_area_id""";

    /**
     * An outage the area is in now: suspected, or published and started, and power not back in the area. A suspected
     * one counts whatever its start: it starts at its first report, which may be later than this report's own clock
     * reading when reports race (taken before waiting for the lock).
     */
    private static final String ACTIVE = """
            select o.id
              from transformer_area t
              join outage_scope s on s.transformer_area_id = t.id or s.feeder_id = t.feeder_id
              join outage o on o.id = s.outage_id
             where t.id = $1 and o.restored_at is null
               and (o.status = 'SUSPECTED' or (o.status = 'PUBLISHED' and o.starts_at <= $2))
               and not exists (select 1 from outage_area_restoration r
                                where r.outage_id = o.id and r.transformer_area_id = t.id)
             order by o.starts_at desc, o.id desc
             limit 1""";

    /**
     * Distinct customers signalling within the window ($2 = its start) and since the area's last episode ended: power
     * back (the outage's or the area's own restoration) or the suspicion dismissed.
     */
    private static final String COUNT = """
            with ended as (
                select max(coalesce(o.restored_at, o.updated_at)) as at
                  from transformer_area t
                  join outage_scope s on s.transformer_area_id = t.id or s.feeder_id = t.feeder_id
                  join outage o on o.id = s.outage_id
                 where t.id = $1 and o.status in ('RESTORED', 'CLOSED', 'DISMISSED')
                union all
                select max(restored_at) from outage_area_restoration where transformer_area_id = $1)
            select count(distinct g.customer_id) as customers, min(g.at) as first_at, t.name
              from transformer_area t
              left join outage_signal g on g.transformer_area_id = t.id and g.at > $2
                    and g.at > coalesce((select max(at) from ended), '-infinity'::timestamptz)
             where t.id = $1
             group by t.name""";

    private static final String OPEN = """
            insert into outage (kind, status, cause, description, starts_at, version, created_at, updated_at)
            values ('UNPLANNED', 'SUSPECTED', 'UNKNOWN', $1, $2, 1, $3, $3)
            returning id""";

    private final Pool pool;
    private final OutageService outages;
    private final Event<OutageChanged> changed;
    private final OutageDetectionConfig config;
    private final Clock clock;
    private final ResourceTexts texts = ResourceTexts.load("outage/messages.properties");

    public OutageDetection(Pool pool, OutageService outages, Event<OutageChanged> changed, OutageDetectionConfig config,
            Clock clock) {
        this.pool = pool;
        this.outages = outages;
        this.changed = changed;
        this.config = config;
        this.clock = clock;
    }

    /** What a signal came to: the outage the customer's area is in now, if any, and whether this signal opened it. */
    public record Detected(Optional<Long> outageId, boolean opened) {

        static final Detected NOTHING = new Detected(Optional.empty(), false);
    }

    /**
     * Records that the customer reported their power out and opens a suspected outage over their transformer area
     * when enough of its customers have. A customer fed at high voltage (no transformer area) is not counted.
     */
    public Uni<Detected> faultReported(long customerId, Source source) {
        return pool.withTransaction(connection -> faultReported(connection, customerId, source))
                .call(this::announce);
    }

    /**
     * The same on the caller's transaction, for a caller whose own rows must commit with the decision (a repair ticket:
     * the area's lock is held until then, so an outage opened by a later report finds the ticket to link). The caller
     * {@link #announce}s the result after its commit.
     */
    public Uni<Detected> faultReported(SqlConnection connection, long customerId, Source source) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return connection.preparedQuery(SIGNAL).execute(Tuple.of(customerId, source.name(), now))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(Detected.NOTHING)
                        : decide(connection, rows.iterator().next().getInteger("transformer_area_id"), now));
    }

    private Uni<Detected> decide(SqlConnection connection, int areaId, OffsetDateTime now) {
        return connection.preparedQuery("select pg_advisory_xact_lock($1, $2)")
                .execute(Tuple.of(LOCK_NAMESPACE, areaId))
                .chain(() -> connection.preparedQuery(ACTIVE).execute(Tuple.of(areaId, now)))
                .chain(active -> active.size() > 0
                        ? Uni.createFrom().item(new Detected(
                                Optional.of(active.iterator().next().getLong("id")), false))
                        : connection.preparedQuery(COUNT).execute(Tuple.of(areaId, now.minus(config.window())))
                                .chain(counted -> {
                                    Row area = counted.iterator().next();
                                    long customers = area.getLong("customers");
                                    return customers < config.reports() ? Uni.createFrom().item(Detected.NOTHING)
                                            : open(connection, areaId, area.getString("name"), customers,
                                                    area.getOffsetDateTime("first_at"), now);
                                }));
    }

    /** Power went out about when the first counted report came. */
    private Uni<Detected> open(SqlConnection connection, int areaId, String areaName, long customers,
            OffsetDateTime firstReport, OffsetDateTime now) {
        String description = texts.text("suspected.description", areaName, String.valueOf(customers));
        return connection.preparedQuery(OPEN).execute(Tuple.of(description, firstReport, now))
                .map(rows -> rows.iterator().next().getLong("id"))
                .call(id -> connection.preparedQuery(
                        "insert into outage_scope (outage_id, transformer_area_id) values ($1, $2)")
                        .execute(Tuple.of(id, areaId)))
                .map(id -> new Detected(Optional.of(id), true));
    }

    /**
     * After the commit of a signal that opened a suspected outage: residents' answers change at once, and the features
     * following outages hear of it. Nothing for any other.
     */
    public Uni<Void> announce(Detected detected) {
        if (!detected.opened()) {
            return Uni.createFrom().voidItem();
        }
        long outageId = detected.outageId().orElseThrow();
        return outages.outagesChanged(outageId)
                .invoke(() -> changed.fireAsync(new OutageChanged(outageId, 1, OutageChanged.Change.SUSPECTED)));
    }
}
