package com.gridcare.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.binding.ResidentAccounts;
import com.gridcare.common.GridcareConfig;
import com.gridcare.common.Page;
import com.gridcare.common.PiiMasker;
import com.gridcare.common.ProblemException;
import com.gridcare.common.RateLimiter;
import com.gridcare.notify.Notice;
import com.gridcare.notify.NoticeTexts;
import com.gridcare.notify.Outbox;
import com.gridcare.notify.Topic;
import com.gridcare.staff.StaffAudit;
import com.gridcare.staff.StaffMember;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Escalations from the bot to grid service staff. An escalation is routed to the staff member who owns the grid area
 * of its account (the general queue when it has no account, or the owner is inactive), carries the conversation so
 * far and is due a first response within the SLA's working time. Staff claim, reply and resolve; every reply reaches
 * the resident through the outbox; the resident's rating resolves it (3-5) or puts it back in the queue (1-2).
 * <p>
 * Who sees what is one SQL condition ({@link #VISIBLE}): an agent their own grid area and what they claimed, a
 * supervisor their district, the general queue and what was moved to them, an admin everything. Anything else is
 * 404, as if it did not exist.
 */
@ApplicationScoped
public class EscalationService {

    /** Low ratings send the escalation back to the queue. */
    static final int REOPEN_AT_OR_BELOW = 2;

    /** Routes in the insert itself: the customer's grid area and its owner if active; nothing without a customer. */
    private static final String INSERT = """
            insert into escalation (resident_id, customer_id, grid_area_id, assigned_staff_id, channel, reason, status,
                                    conversation, question, due_at, created_at, updated_at)
            select $1, $2, c.grid_area_id, case when s.active then g.owner_staff_id end, $3, $4, 'NEW', $5, $6, $7, $8, $8
              from (select 1) one
              left join customer c on c.id = $2
              left join grid_area g on g.id = c.grid_area_id
              left join staff s on s.id = g.owner_staff_id
            returning id""";

    /** The resident's latest escalation still with staff, locked: a hand-over adds to it rather than open another. */
    private static final String OPEN_OF_RESIDENT = """
            select id from escalation
             where resident_id = $1 and status in ('NEW', 'CLAIMED', 'REPLIED', 'REOPENED')
             order by created_at desc, id desc
             limit 1
               for update""";

    /** Bounded: a resident who keeps talking to the bot while waiting must not grow one row without end. */
    private static final String APPEND = """
            update escalation set conversation = conversation || $2::jsonb, updated_at = $3
             where id = $1 and jsonb_array_length(conversation) + jsonb_array_length($2::jsonb) <= $4""";

    /** Turns an escalation keeps at most when the bot adds to it (the API takes 50 at a time). */
    static final int MAX_TURNS = 200;

    private static final String MINE = """
            select e.id, e.status, e.reason, e.question, c.account_no, e.created_at, e.due_at, e.rating
              from escalation e left join customer c on c.id = e.customer_id
             where e.resident_id = $1 and (e.created_at, e.id) < ($2, $3)
             order by e.created_at desc, e.id desc
             limit $4""";

    private static final String MY_ONE = """
            select e.id, e.status, e.reason, e.question, c.account_no, e.created_at, e.due_at, e.rating
              from escalation e left join customer c on c.id = e.customer_id
             where e.resident_id = $1 and e.id = $2""";

    private static final String REPLIES = """
            select m.id, m.escalation_id, m.body, m.created_at, s.name
              from escalation_message m join staff s on s.id = m.staff_id
             where m.escalation_id = any($1)
             order by m.created_at, m.id""";

    private static final String MINE_FOR_UPDATE = """
            select id, status from escalation where id = $1 and resident_id = $2 for update""";

    private static final String REOPEN = """
            update escalation e
               set status = 'REOPENED', rating = $2, due_at = $3, overdue = false, claimed_by = null, claimed_at = null,
                   first_response_at = null, resolved_at = null, updated_at = $4,
                   assigned_staff_id = (select case when s.active then g.owner_staff_id end
                                          from grid_area g join staff s on s.id = g.owner_staff_id
                                         where g.id = e.grid_area_id)
             where e.id = $1""";

    private static final String RESOLVE_BY_RATING = """
            update escalation set status = 'RESOLVED', rating = $2, resolved_at = coalesce(resolved_at, $3),
                   updated_at = $3
             where id = $1""";

    /** $1 role, $2 staff id, $3 district, $4 grid area: the one definition of what a staff member may see. */
    static final String VISIBLE = """
            ($1 = 'ADMIN'
             or ($1 = 'SUPERVISOR' and (e.grid_area_id is null or g.district_id = $3 or e.assigned_staff_id = $2))
             or ($1 = 'AGENT' and (e.grid_area_id = $4 or e.claimed_by = $2)))""";

    private static final String STAFF_COLUMNS = """
            select e.id, e.status, e.reason, e.channel, e.question, e.conversation, e.due_at, e.overdue, e.rating,
                   e.created_at, e.resident_id, e.customer_id, e.grid_area_id, g.name as grid_area_name,
                   a.staff_no as assigned_staff_no, e.claimed_by, cl.staff_no as claimed_by_no,
                   cl.name as claimed_by_name, c.account_no, c.name as customer_name, c.address,
                   r.mobile as resident_mobile
              from escalation e
              left join grid_area g on g.id = e.grid_area_id
              left join staff a on a.id = e.assigned_staff_id
              left join staff cl on cl.id = e.claimed_by
              left join customer c on c.id = e.customer_id
              left join resident r on r.id = e.resident_id
            """;

    /** Keyset on (due_at, id) after ($6, $7): the most urgent first. */
    private static final String QUEUE = STAFF_COLUMNS + " where " + VISIBLE + """

               and e.status = any($5) and (e.due_at, e.id) > ($6, $7)
             order by e.due_at, e.id
             limit $8""";

    private static final String ONE = STAFF_COLUMNS + " where " + VISIBLE + " and e.id = $5";

    private static final String LOCK = """
            select e.id, e.status, e.claimed_by, e.resident_id, e.customer_id
              from escalation e left join grid_area g on g.id = e.grid_area_id
             where """ + VISIBLE + " and e.id = $5 for update of e";

    private final Pool pool;
    private final ResidentAccounts residentAccounts;
    private final Outbox outbox;
    private final NoticeTexts texts;
    private final StaffAudit audit;
    private final RateLimiter limiter;
    private final Clock clock;
    private final GridcareConfig.Escalation config;
    private final WorkingHours workingHours;

    public EscalationService(Pool pool, ResidentAccounts residentAccounts, Outbox outbox, NoticeTexts texts,
            StaffAudit audit, RateLimiter limiter, Clock clock, GridcareConfig config) {
        this.pool = pool;
        this.residentAccounts = residentAccounts;
        this.outbox = outbox;
        this.texts = texts;
        this.audit = audit;
        this.limiter = limiter;
        this.clock = clock;
        this.config = config.escalation();
        this.workingHours = new WorkingHours(this.config.workdayStart(), this.config.workdayEnd());
    }

    // --- residents ----------------------------------------------------------------------------------------------

    /**
     * Opens an escalation for the resident. {@code customerId} is an account the caller has checked is theirs; when
     * null, the resident's only bound account is used if they have exactly one.
     */
    public Uni<MyEscalation> escalate(long residentId, Long customerId, String channel, EscalationReason reason,
            String question, List<Turn> conversation) {
        return open(pool, residentId, customerId, channel, reason, question, conversation)
                .chain(id -> mine(residentId, id));
    }

    /** What a hand-over from the bot did: opened an escalation, or added the conversation to one already open. */
    public record HandOver(long escalationId, boolean opened) {
    }

    /**
     * The bot hands the conversation to a person: a new escalation as {@link #escalate} opens it or, while the
     * resident has one with staff still (new, claimed, replied or reopened), the conversation added to that one, so
     * that staff get one case per resident and the resident is not counted against the hourly limit for it. The
     * resident's row is locked first, so hand-overs of one resident at two instances at once cannot both open one.
     */
    public Uni<HandOver> handOver(long residentId, Long customerId, String channel, EscalationReason reason,
            String question, List<Turn> conversation) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select id from resident where id = $1 for update").execute(Tuple.of(residentId))
                .chain(() -> connection.preparedQuery(OPEN_OF_RESIDENT).execute(Tuple.of(residentId)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return open(connection, residentId, customerId, channel, reason, question, conversation)
                                .map(id -> new HandOver(id, true));
                    }
                    long id = rows.iterator().next().getLong("id");
                    return connection.preparedQuery(APPEND)
                            .execute(Tuple.of(id, json(conversation), OffsetDateTime.now(clock), MAX_TURNS))
                            .map(appended -> new HandOver(id, false));
                }));
    }

    /** Checks the hourly limit, routes and inserts; the new escalation's id. */
    private Uni<Long> open(SqlClient client, long residentId, Long customerId, String channel, EscalationReason reason,
            String question, List<Turn> conversation) {
        return limiter.tryAcquire("escalations:" + residentId, config.perResidentPerHour(), Duration.ofHours(1))
                .chain(allowed -> {
                    if (!allowed) {
                        throw ProblemException.tooManyRequests("You have asked for a person many times this hour; "
                                + "staff will answer the questions you already sent.");
                    }
                    return customerId != null ? Uni.createFrom().item(customerId)
                            : onlyBoundAccount(client, residentId);
                })
                .chain(customer -> {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] { residentId, customer,
                            channel, reason.name(), json(conversation), question.strip(), due(now), now }));
                })
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Uni<Page<MyEscalation>> mine(long residentId, String cursor, Integer requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Page.TimeAndId before = Page.timeAndId(cursor, Page.TimeAndId.NEWEST);
        return pool.withConnection(connection -> connection.preparedQuery(MINE)
                .execute(Tuple.of(residentId, before.time(), before.id(), limit + 1))
                .chain(rows -> {
                    List<Row> fetched = new ArrayList<>();
                    rows.forEach(fetched::add);
                    Page<Row> page = Page.of(fetched, limit, row -> new Page.TimeAndId(
                            row.getOffsetDateTime("created_at"), row.getLong("id")).parts());
                    return withReplies(connection, page.items()).map(items -> new Page<>(items, page.nextCursor()));
                }));
    }

    /** 3-5 resolves the escalation; 1-2 puts it back in its queue with a new first-response due time. */
    public Uni<MyEscalation> rate(long residentId, long escalationId, int rating) {
        return pool.withTransaction(connection -> connection.preparedQuery(MINE_FOR_UPDATE)
                .execute(Tuple.of(escalationId, residentId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No such escalation among yours.");
                    }
                    EscalationStatus status = EscalationStatus.valueOf(rows.iterator().next().getString("status"));
                    if (!status.rateable()) {
                        throw illegal("A " + status + " escalation has no answer to rate yet.");
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    return rating <= REOPEN_AT_OR_BELOW
                            ? connection.preparedQuery(REOPEN).execute(Tuple.of(escalationId, rating, due(now), now))
                            : connection.preparedQuery(RESOLVE_BY_RATING).execute(Tuple.of(escalationId, rating, now));
                }))
                .chain(() -> mine(residentId, escalationId));
    }

    private Uni<MyEscalation> mine(long residentId, long escalationId) {
        return pool.withConnection(connection -> connection.preparedQuery(MY_ONE)
                .execute(Tuple.of(residentId, escalationId))
                .chain(rows -> {
                    List<Row> found = new ArrayList<>();
                    rows.forEach(found::add);
                    return withReplies(connection, found);
                })
                .map(items -> items.get(0)));
    }

    private Uni<Long> onlyBoundAccount(SqlClient client, long residentId) {
        return residentAccounts.of(client, residentId)
                .map(accounts -> accounts.size() == 1 ? accounts.get(0).customerId() : null);
    }

    private static Uni<List<MyEscalation>> withReplies(SqlConnection connection, List<Row> escalations) {
        Long[] ids = escalations.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
        return connection.preparedQuery(REPLIES).execute(Tuple.of(ids)).map(replies -> {
            List<MyEscalation> result = new ArrayList<>();
            for (Row row : escalations) {
                long id = row.getLong("id");
                List<Reply> mine = new ArrayList<>();
                for (Row reply : replies) {
                    if (reply.getLong("escalation_id") == id) {
                        mine.add(new Reply(reply.getLong("id"), reply.getString("body"),
                                PiiMasker.name(reply.getString("name")), reply.getOffsetDateTime("created_at")));
                    }
                }
                result.add(new MyEscalation(id, EscalationStatus.valueOf(row.getString("status")),
                        EscalationReason.valueOf(row.getString("reason")), row.getString("question"),
                        row.getString("account_no"), row.getOffsetDateTime("created_at"),
                        row.getOffsetDateTime("due_at"), mine, row.getInteger("rating")));
            }
            return result;
        });
    }

    // --- staff --------------------------------------------------------------------------------------------------

    /** The escalations in {@code statuses} that the staff member may see, first due first. */
    public Uni<Page<StaffEscalation>> queue(StaffMember staff, List<EscalationStatus> statuses, String cursor,
            Integer requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Page.TimeAndId after = Page.timeAndId(cursor, Page.TimeAndId.OLDEST);
        String[] wanted = statuses.stream().map(Enum::name).toArray(String[]::new);
        return pool.preparedQuery(QUEUE).execute(scope(staff).addArrayOfString(wanted).addOffsetDateTime(after.time())
                .addLong(after.id()).addInteger(limit + 1))
                .map(rows -> {
                    List<StaffEscalation> items = new ArrayList<>();
                    rows.forEach(row -> items.add(staffView(row, staff, null, null)));
                    return Page.of(items, limit, item -> new Page.TimeAndId(item.dueAt(), item.id()).parts());
                })
                .call(() -> audit.record(staff, StaffAudit.Action.VIEW_QUEUE, null, null));
    }

    /** One escalation with its conversation and replies; viewing it is audited. */
    public Uni<StaffEscalation> detail(StaffMember staff, long escalationId) {
        return pool.withConnection(connection -> load(connection, staff, escalationId))
                .call(found -> audit.record(staff, StaffAudit.Action.VIEW_ESCALATION, escalationId, null));
    }

    /** From the queue (new, reopened) to me; a supervisor or admin may also take over one someone else claimed. */
    public Uni<StaffEscalation> claim(StaffMember staff, long escalationId) {
        return change(staff, escalationId, StaffAudit.Action.CLAIM, (connection, row, now) -> {
            EscalationStatus status = EscalationStatus.valueOf(row.getString("status"));
            Integer claimedBy = row.getInteger("claimed_by");
            boolean takeover = status == EscalationStatus.CLAIMED && staff.role().oversees()
                    && claimedBy != null && claimedBy != staff.id();
            if (!status.claimable() && !takeover) {
                throw illegal("A " + status + " escalation cannot be claimed"
                        + (status == EscalationStatus.CLAIMED ? " by you." : "."));
            }
            return connection.preparedQuery("""
                    update escalation set status = 'CLAIMED', claimed_by = $2, claimed_at = $3, updated_at = $3
                     where id = $1""").execute(Tuple.of(escalationId, staff.id(), now)).replaceWithVoid();
        });
    }

    /** Only whoever claimed it answers; the answer goes to the resident through the outbox in the same transaction. */
    public Uni<StaffEscalation> reply(StaffMember staff, long escalationId, String text) {
        return change(staff, escalationId, StaffAudit.Action.REPLY, (connection, row, now) -> {
            EscalationStatus status = EscalationStatus.valueOf(row.getString("status"));
            if (status != EscalationStatus.CLAIMED && status != EscalationStatus.REPLIED) {
                throw illegal("A " + status + " escalation cannot be answered; claim it first.");
            }
            if (!Integer.valueOf(staff.id()).equals(row.getInteger("claimed_by"))) {
                throw illegal("Someone else has claimed this escalation.");
            }
            String body = text.strip();
            return connection.preparedQuery("""
                    insert into escalation_message (escalation_id, staff_id, body, created_at)
                    values ($1, $2, $3, $4) returning id""").execute(Tuple.of(escalationId, staff.id(), body, now))
                    .map(rows -> rows.iterator().next().getLong("id"))
                    .call(() -> connection.preparedQuery("""
                            update escalation set status = 'REPLIED', first_response_at = coalesce(first_response_at, $2),
                                   updated_at = $2
                             where id = $1""").execute(Tuple.of(escalationId, now)))
                    .call(messageId -> notifyResident(connection, row, messageId, body))
                    .replaceWithVoid();
        });
    }

    /** After an answer: by whoever claimed it, or a supervisor or admin closing it for them. */
    public Uni<StaffEscalation> resolve(StaffMember staff, long escalationId) {
        return change(staff, escalationId, StaffAudit.Action.RESOLVE, (connection, row, now) -> {
            EscalationStatus status = EscalationStatus.valueOf(row.getString("status"));
            if (status != EscalationStatus.REPLIED) {
                throw illegal("A " + status + " escalation cannot be resolved; it needs an answer first.");
            }
            if (!Integer.valueOf(staff.id()).equals(row.getInteger("claimed_by")) && !staff.role().oversees()) {
                throw illegal("Someone else has claimed this escalation.");
            }
            return connection.preparedQuery("""
                    update escalation set status = 'RESOLVED', resolved_at = $2, updated_at = $2 where id = $1""")
                    .execute(Tuple.of(escalationId, now)).replaceWithVoid();
        });
    }

    /** The resident and account (either may be null) behind an escalation, and whether the staff member claimed it. */
    record Parties(Long residentId, Long customerId, boolean claimedByMe) {
    }

    /** Who an escalation the staff member may see is about; 404 for one they may not. */
    Uni<Parties> parties(StaffMember staff, long escalationId) {
        return pool.preparedQuery("select e.resident_id, e.customer_id, e.claimed_by from escalation e "
                + "left join grid_area g on g.id = e.grid_area_id where " + VISIBLE + " and e.id = $5")
                .execute(scope(staff).addLong(escalationId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw notVisible();
                    }
                    Row row = rows.iterator().next();
                    return new Parties(row.getLong("resident_id"), row.getLong("customer_id"),
                            Integer.valueOf(staff.id()).equals(row.getInteger("claimed_by")));
                });
    }

    @FunctionalInterface
    private interface Step {
        Uni<Void> apply(SqlConnection connection, Row locked, OffsetDateTime now);
    }

    /** Locks the escalation (if visible), applies the step, audits it, all in one transaction; then the new state. */
    private Uni<StaffEscalation> change(StaffMember staff, long escalationId, StaffAudit.Action action, Step step) {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK)
                .execute(scope(staff).addLong(escalationId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw notVisible();
                    }
                    Row row = rows.iterator().next();
                    return step.apply(connection, row, OffsetDateTime.now(clock))
                            .chain(() -> audit.record(connection, staff, action, escalationId,
                                    row.getLong("customer_id")))
                            .chain(() -> load(connection, staff, escalationId));
                }));
    }

    private Uni<Void> notifyResident(SqlConnection connection, Row escalation, long messageId, String body) {
        Long residentId = escalation.getLong("resident_id");
        if (residentId == null) {
            return Uni.createFrom().voidItem();
        }
        long escalationId = escalation.getLong("id");
        return outbox.enqueue(connection, new Notice(residentId, escalation.getLong("customer_id"),
                Topic.ESCALATION_REPLY, "escalation:" + escalationId + ":reply:" + messageId,
                texts.title("escalation.REPLY"), texts.text("escalation.REPLY", body),
                Map.of("escalationId", escalationId, "replyId", messageId, "reply", body)));
    }

    private Uni<StaffEscalation> load(SqlClient client, StaffMember staff, long escalationId) {
        return client.preparedQuery(ONE).execute(scope(staff).addLong(escalationId)).chain(rows -> {
            if (rows.size() == 0) {
                throw notVisible();
            }
            Row row = rows.iterator().next();
            return client.preparedQuery(REPLIES).execute(Tuple.of((Object) new Long[] { escalationId }))
                    .map(replies -> {
                        List<Reply> list = new ArrayList<>();
                        replies.forEach(reply -> list.add(new Reply(reply.getLong("id"), reply.getString("body"),
                                reply.getString("name"), reply.getOffsetDateTime("created_at"))));
                        return staffView(row, staff, conversation(row.getJsonArray("conversation")), list);
                    });
        });
    }

    private static StaffEscalation staffView(Row row, StaffMember staff, List<Turn> conversation, List<Reply> replies) {
        boolean mine = Integer.valueOf(staff.id()).equals(row.getInteger("claimed_by"));
        String name = row.getString("customer_name");
        String mobile = row.getString("resident_mobile");
        String address = row.getString("address");
        return new StaffEscalation(row.getLong("id"), EscalationStatus.valueOf(row.getString("status")),
                EscalationReason.valueOf(row.getString("reason")), row.getString("channel"),
                row.getString("question"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("due_at"),
                row.getBoolean("overdue"), row.getInteger("rating"), row.getString("account_no"),
                mine ? name : PiiMasker.name(name), mine ? mobile : PiiMasker.mobile(mobile),
                mine ? address : PiiMasker.address(address), row.getInteger("grid_area_id"),
                row.getString("grid_area_name"), row.getString("assigned_staff_no"), row.getString("claimed_by_no"),
                row.getString("claimed_by_name"), conversation, replies);
    }

    static Tuple scope(StaffMember staff) {
        return Tuple.of(staff.role().name(), staff.id(), staff.districtId(), staff.gridAreaId());
    }

    private OffsetDateTime due(OffsetDateTime now) {
        ZonedDateTime local = now.atZoneSameInstant(clock.getZone());
        return workingHours.plus(local, config.firstResponse()).toOffsetDateTime();
    }

    private static JsonArray json(List<Turn> conversation) {
        JsonArray turns = new JsonArray();
        if (conversation != null) {
            for (Turn turn : conversation) {
                JsonObject json = new JsonObject().put("from", turn.from().name()).put("text", turn.text());
                Optional.ofNullable(turn.topicId()).ifPresent(topic -> json.put("topicId", topic));
                Optional.ofNullable(turn.confidence()).ifPresent(confidence -> json.put("confidence", confidence));
                Optional.ofNullable(turn.at()).ifPresent(at -> json.put("at", at.toString()));
                turns.add(json);
            }
        }
        return turns;
    }

    private static List<Turn> conversation(JsonArray turns) {
        List<Turn> result = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            JsonObject turn = turns.getJsonObject(i);
            String at = turn.getString("at");
            result.add(new Turn(Turn.Speaker.valueOf(turn.getString("from")), turn.getString("text"),
                    turn.getString("topicId"), turn.getDouble("confidence"),
                    at == null ? null : OffsetDateTime.parse(at)));
        }
        return result;
    }

    private static ProblemException illegal(String detail) {
        return new ProblemException(409, "illegal-transition", "Conflict", detail);
    }

    private static ProblemException notVisible() {
        return ProblemException.notFound("No such escalation in your queues.");
    }
}
