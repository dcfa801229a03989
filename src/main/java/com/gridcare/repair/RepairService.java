package com.gridcare.repair;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.Page;
import com.gridcare.common.PiiMasker;
import com.gridcare.common.ProblemException;
import com.gridcare.notify.Notice;
import com.gridcare.notify.NoticeTexts;
import com.gridcare.notify.Outbox;
import com.gridcare.notify.Topic;
import com.gridcare.outage.OutageDetection;
import com.gridcare.outage.OutageService;
import com.gridcare.outage.OutageSummary;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Fault reports and their tickets. A report for an account inside a known current outage, confirmed or suspected, is
 * linked to that outage instead of dispatching a crew; any other report is a signal for {@link OutageDetection}, and
 * is linked to the suspected outage it opens. A report for an account that already has an open ticket is added to
 * that ticket's timeline rather than opening a second one (the customer's row is locked so two reports at once cannot
 * both open one). Every status change goes through {@link RepairStatus#canMoveTo} and tells the reporter through the
 * outbox.
 */
@ApplicationScoped
public class RepairService {

    /** What every read of a ticket selects, over {@code repair_ticket t join customer c}. */
    static final String TICKET_COLUMNS = """
            t.id, t.ticket_no, c.account_no, t.status, t.description, t.contact_phone, t.photo_urls, t.outage_id,
            t.created_at, t.resident_id, t.customer_id""";

    private static final String OPEN_TICKET = "select " + TICKET_COLUMNS + """

              from repair_ticket t join customer c on c.id = t.customer_id
             where t.customer_id = $1 and t.status in ('RECEIVED', 'DISPATCHED', 'ON_SITE', 'LINKED')
             order by t.created_at desc limit 1""";

    /** The ticket number is the day and the ticket's own id, so it is unique without a second sequence. */
    private static final String INSERT = """
            with next as (select nextval(pg_get_serial_sequence('repair_ticket', 'id')) as id)
            insert into repair_ticket (id, ticket_no, customer_id, resident_id, outage_id, description, contact_phone,
                                       photo_urls, status, created_at, updated_at)
            select id, 'R' || to_char($8::timestamptz at time zone $9, 'YYYYMMDD') || lpad(id::text, 8, '0'),
                   $1, $2, $3, $4, $5, $6, $7, $8, $8
              from next
            returning id""";

    private static final String EVENT = """
            insert into repair_ticket_event (ticket_id, status, note, staff_id, at) values ($1, $2, $3, $4, $5)""";

    private static final String BY_ID = "select " + TICKET_COLUMNS + """

              from repair_ticket t join customer c on c.id = t.customer_id where t.id = $1""";

    private static final String OF_CUSTOMER = "select " + TICKET_COLUMNS + """

              from repair_ticket t join customer c on c.id = t.customer_id
             where t.customer_id = $1 and t.ticket_no = $2""";

    /** Keyset on (created_at, id) before ($2, $3), newest first. */
    private static final String LIST = "select " + TICKET_COLUMNS + """

              from repair_ticket t join customer c on c.id = t.customer_id
             where t.customer_id = $1 and (t.created_at, t.id) < ($2, $3)
             order by t.created_at desc, t.id desc
             limit $4""";

    private static final String TIMELINES = """
            select ticket_id, status, note, at from repair_ticket_event where ticket_id = any($1) order by at, id""";

    /** A move keeps the crew once named; back to RECEIVED the ticket leaves the outage it was linked to. */
    private static final String MOVE = """
            update repair_ticket
               set status = $2, updated_at = $3, crew_name = coalesce($4, crew_name),
                   crew_contact = coalesce($5, crew_contact),
                   outage_id = case when $6 then null else coalesce($7, outage_id) end
             where id = $1""";

    private final Pool pool;
    private final OutageService outages;
    private final OutageDetection detection;
    private final Outbox outbox;
    private final NoticeTexts texts;
    private final Clock clock;

    public RepairService(Pool pool, OutageService outages, OutageDetection detection, Outbox outbox, NoticeTexts texts,
            Clock clock) {
        this.pool = pool;
        this.outages = outages;
        this.detection = detection;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    /** The ticket the report opened (created) or joined (an open ticket of the account). */
    public record Filed(RepairTicket ticket, boolean created) {
    }

    public Uni<Filed> report(long residentId, long customerId, RepairReport report) {
        return outages.forCustomer(customerId).chain(known -> {
            OutageSummary outage = known.current() != null ? known.current() : known.suspected();
            AtomicReference<OutageDetection.Detected> detected = new AtomicReference<>();
            return pool.withTransaction(connection -> (outage != null ? Uni.createFrom().item(outage.id())
                    : detection.faultReported(connection, customerId, OutageDetection.Source.REPAIR)
                            .invoke(detected::set).map(decision -> decision.outageId().orElse(null)))
                    .chain(outageId -> file(connection, residentId, customerId, report, outageId)))
                    .call(() -> detected.get() == null ? Uni.createFrom().voidItem()
                            : detection.announce(detected.get()));
        });
    }

    /**
     * Files the report on the transaction that took detection's decision, so the ticket commits with it: an outage a
     * later report opens (after the area's lock) then finds this ticket to link.
     */
    private Uni<Filed> file(SqlConnection connection, long residentId, long customerId, RepairReport report,
            Long outageId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return connection.preparedQuery("select id from customer where id = $1 for update")
                .execute(Tuple.of(customerId))
                .chain(() -> connection.preparedQuery(OPEN_TICKET).execute(Tuple.of(customerId)))
                .chain(open -> {
                    if (open.size() > 0) {
                        Row ticket = open.iterator().next();
                        return event(connection, ticket.getLong("id"), ticket.getString("status"),
                                report.description(), null, now)
                                .chain(() -> load(connection, ticket.getLong("id")))
                                .map(loaded -> new Filed(loaded, false));
                    }
                    RepairStatus status = outageId == null ? RepairStatus.RECEIVED : RepairStatus.LINKED;
                    List<String> photos = report.photoUrls() == null ? List.of() : report.photoUrls();
                    return connection.preparedQuery(INSERT).execute(Tuple.from(new Object[] { customerId,
                            residentId, outageId, report.description(),
                            report.contactPhone(), photos.toArray(String[]::new), status.name(), now,
                            clock.getZone().getId() }))
                            .map(rows -> rows.iterator().next().getLong("id"))
                            .call(id -> event(connection, id, status.name(), null, null, now))
                            .chain(id -> load(connection, id))
                            .call(ticket -> notify(connection, residentId, customerId, ticket,
                                    "repair." + status, null))
                            .map(ticket -> new Filed(ticket, true));
                });
    }

    public Uni<RepairTicket> ticket(long customerId, String ticketNo) {
        return pool.withConnection(connection -> connection.preparedQuery(OF_CUSTOMER)
                .execute(Tuple.of(customerId, ticketNo))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No such repair ticket for this account.");
                    }
                    return withTimelines(connection, List.of(rows.iterator().next()));
                })
                .map(tickets -> tickets.get(0)));
    }

    public Uni<Page<RepairTicket>> tickets(long customerId, String cursor, Integer requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Page.TimeAndId before = Page.timeAndId(cursor, Page.TimeAndId.NEWEST);
        Tuple arguments = Tuple.of(customerId, before.time(), before.id(), limit + 1);
        return pool.withConnection(connection -> connection.preparedQuery(LIST).execute(arguments)
                .chain(rows -> {
                    List<Row> fetched = new ArrayList<>();
                    rows.forEach(fetched::add);
                    Page<Row> page = Page.of(fetched, limit, row -> new Page.TimeAndId(
                            row.getOffsetDateTime("created_at"), row.getLong("id")).parts());
                    return withTimelines(connection, page.items())
                            .map(tickets -> new Page<>(tickets, page.nextCursor()));
                }));
    }

    /** The crew a ticket is dispatched to: who they are and how the reporter reaches them. */
    record Crew(String name, String contact) {
    }

    /**
     * Moves a ticket (its row locked by the caller, with {@link #TICKET_COLUMNS}) to {@code next}, on the caller's
     * transaction: the status, a timeline step, the reporter's notice ({@code noticeKey} names its texts). The caller
     * has checked the move is legal.
     */
    Uni<RepairTicket> move(SqlConnection connection, Row locked, RepairStatus next, String note, Integer staffId,
            Crew crew, String noticeKey) {
        return move(connection, locked, next, note, staffId, crew, noticeKey, null);
    }

    /**
     * Links a ticket still waiting for a crew (its row locked by the caller) to an outage found to cover it: it will be
     * closed with the outage instead of getting a crew of its own. Not a staff step: only an outage links a ticket.
     */
    Uni<RepairTicket> link(SqlConnection connection, Row locked, long outageId, String note) {
        return move(connection, locked, RepairStatus.LINKED, note, null, null, "repair." + RepairStatus.LINKED,
                outageId);
    }

    private Uni<RepairTicket> move(SqlConnection connection, Row locked, RepairStatus next, String note,
            Integer staffId, Crew crew, String noticeKey, Long outageId) {
        long id = locked.getLong("id");
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long residentId = locked.getLong("resident_id");
        long customerId = locked.getLong("customer_id");
        return connection.preparedQuery(MOVE).execute(Tuple.from(new Object[] { id, next.name(), now,
                crew == null ? null : crew.name(), crew == null ? null : crew.contact(),
                next == RepairStatus.RECEIVED, outageId }))
                .chain(() -> event(connection, id, next.name(), note, staffId, now))
                .chain(() -> load(connection, id))
                .call(ticket -> residentId == null ? Uni.createFrom().voidItem()
                        : notify(connection, residentId, customerId, ticket, noticeKey, crew));
    }

    private Uni<Void> notify(SqlConnection connection, long residentId, long customerId, RepairTicket ticket,
            String noticeKey, Crew crew) {
        Object[] arguments = crew == null ? new Object[] { ticket.ticketNo(), ticket.accountNo() }
                : new Object[] { ticket.ticketNo(), ticket.accountNo(), crew.name(), crew.contact() };
        return outbox.enqueue(connection, new Notice(residentId, customerId, Topic.REPAIR_PROGRESS,
                "repair:" + ticket.ticketNo() + ":" + ticket.status().name(),
                texts.title(noticeKey, arguments), texts.text(noticeKey, arguments),
                Map.of("ticketNo", ticket.ticketNo(), "status", ticket.status().name())));
    }

    private static Uni<Void> event(SqlConnection connection, long ticketId, String status, String note, Integer staffId,
            OffsetDateTime at) {
        return connection.preparedQuery(EVENT).execute(Tuple.of(ticketId, status, note, staffId, at)).replaceWithVoid();
    }

    private Uni<RepairTicket> load(SqlConnection connection, long id) {
        return connection.preparedQuery(BY_ID).execute(Tuple.of(id))
                .chain(rows -> withTimelines(connection, List.of(rows.iterator().next())))
                .map(tickets -> tickets.get(0));
    }

    private static Uni<List<RepairTicket>> withTimelines(SqlConnection connection, List<Row> tickets) {
        return timelines(connection, tickets).map(timelines -> {
            List<RepairTicket> result = new ArrayList<>();
            for (Row ticket : tickets) {
                result.add(new RepairTicket(ticket.getString("ticket_no"), ticket.getString("account_no"),
                        RepairStatus.valueOf(ticket.getString("status")), ticket.getString("description"),
                        PiiMasker.mobile(ticket.getString("contact_phone")),
                        Arrays.asList(ticket.getArrayOfStrings("photo_urls")), ticket.getLong("outage_id"),
                        ticket.getOffsetDateTime("created_at"), timelines.get(ticket.getLong("id"))));
            }
            return result;
        });
    }

    /** The timelines of the tickets (rows with their {@code id}), by ticket id, each oldest step first. */
    static Uni<Map<Long, List<RepairTicket.Step>>> timelines(SqlClient client, List<Row> tickets) {
        Long[] ids = tickets.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
        return client.preparedQuery(TIMELINES).execute(Tuple.of(ids)).map(events -> {
            Map<Long, List<RepairTicket.Step>> timelines = new HashMap<>();
            for (Long id : ids) {
                timelines.put(id, new ArrayList<>());
            }
            for (Row event : events) {
                timelines.get(event.getLong("ticket_id")).add(new RepairTicket.Step(
                        RepairStatus.valueOf(event.getString("status")), event.getString("note"),
                        event.getOffsetDateTime("at")));
            }
            return timelines;
        });
    }
}
