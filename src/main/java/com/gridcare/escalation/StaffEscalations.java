package com.gridcare.escalation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.Page;
import com.gridcare.common.PiiMasker;
import com.gridcare.common.ProblemException;
import com.gridcare.notify.Notice;
import com.gridcare.notify.NoticeTexts;
import com.gridcare.notify.Outbox;
import com.gridcare.notify.Topic;
import com.gridcare.staff.StaffAudit;
import com.gridcare.staff.StaffMember;
import com.gridcare.staff.WorkScope;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Escalations as grid service staff work them: their queue, one escalation in detail, claim, reply and resolve. Every
 * reply reaches the resident through the outbox; every look and every change is audited.
 * <p>
 * Who sees what is {@code staff.WorkScope}'s condition ({@link #VISIBLE}), shared with call and visit tasks: an agent
 * their own grid area and what they claimed, a supervisor their district, the general queue and what was moved to
 * them, an admin everything. Anything else is 404, as if it did not exist.
 */
@ApplicationScoped
public class StaffEscalations {

    /** $1 role, $2 staff id, $3 district, $4 grid area: the one definition of what a staff member may see. */
    static final String VISIBLE = WorkScope.condition("e", "claimed_by");

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
    private final Outbox outbox;
    private final NoticeTexts texts;
    private final StaffAudit audit;
    private final Clock clock;

    public StaffEscalations(Pool pool, Outbox outbox, NoticeTexts texts, StaffAudit audit, Clock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The escalations in {@code statuses} that the staff member may see, first due first. */
    public Uni<Page<StaffEscalation>> queue(StaffMember staff, List<EscalationStatus> statuses, String cursor,
            Integer requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Page.TimeAndId after = Page.timeAndId(cursor, Page.TimeAndId.OLDEST);
        String[] wanted = statuses.stream().map(Enum::name).toArray(String[]::new);
        return pool.preparedQuery(QUEUE).execute(WorkScope.parameters(staff).addArrayOfString(wanted)
                .addOffsetDateTime(after.time()).addLong(after.id()).addInteger(limit + 1))
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
                throw EscalationStatus.illegal("A " + status + " escalation cannot be claimed"
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
                throw EscalationStatus.illegal("A " + status + " escalation cannot be answered; claim it first.");
            }
            if (!Integer.valueOf(staff.id()).equals(row.getInteger("claimed_by"))) {
                throw EscalationStatus.illegal("Someone else has claimed this escalation.");
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
                throw EscalationStatus.illegal("A " + status + " escalation cannot be resolved; it needs an answer first.");
            }
            if (!Integer.valueOf(staff.id()).equals(row.getInteger("claimed_by")) && !staff.role().oversees()) {
                throw EscalationStatus.illegal("Someone else has claimed this escalation.");
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
                .execute(WorkScope.parameters(staff).addLong(escalationId))
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
                .execute(WorkScope.parameters(staff).addLong(escalationId))
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
        return client.preparedQuery(ONE).execute(WorkScope.parameters(staff).addLong(escalationId)).chain(rows -> {
            if (rows.size() == 0) {
                throw notVisible();
            }
            Row row = rows.iterator().next();
            return EscalationReplies.of(client, new Long[] { escalationId }, false)
                    .map(replies -> staffView(row, staff, conversation(row.getJsonArray("conversation")),
                            replies.getOrDefault(escalationId, List.of())));
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

    private static ProblemException notVisible() {
        return ProblemException.notFound("No such escalation in your queues.");
    }
}
