package com.gridcare.fieldtask;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.Page;
import com.gridcare.common.PiiMasker;
import com.gridcare.common.ProblemException;
import com.gridcare.notify.ContactOutcomes;
import com.gridcare.notify.OutboxMessage;
import com.gridcare.notify.Topic;
import com.gridcare.staff.GridOwners;
import com.gridcare.staff.StaffAudit;
import com.gridcare.staff.StaffMember;
import com.gridcare.staff.WorkScope;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Agent calls and staff visits ({@code field_task}): made from an outbox message, put in the queue of the customer's
 * own grid service staff (staff.GridOwners, as escalations are), closed by staff with what came of it, which becomes
 * the contact's outcome in the same transaction.
 * <p>
 * Who sees a task, as for escalations: an agent those of their own grid area and those assigned to them, a supervisor
 * their district's and those without an area, an admin all. Anything else is 404.
 */
@ApplicationScoped
public class FieldTasks {

    private static final String VISIBLE = WorkScope.condition("t", "assigned_staff_id");

    private static final String COLUMNS = """
            select t.id, t.kind, t.status, t.topic, t.title, t.body, t.outcome, t.note, t.created_at, t.closed_at,
                   t.customer_id, t.grid_area_id, t.assigned_staff_id, g.name as grid_area_name,
                   a.staff_no as assigned_staff_no, cl.staff_no as closed_by_no, c.account_no, c.name as customer_name,
                   c.mobile, c.address
              from field_task t
              join customer c on c.id = t.customer_id
              left join grid_area g on g.id = t.grid_area_id
              left join staff a on a.id = t.assigned_staff_id
              left join staff cl on cl.id = t.closed_by
            """;

    /** Keyset on (created_at, id) after ($6, $7): the oldest first. */
    private static final String QUEUE = COLUMNS + " where " + VISIBLE + """

               and t.status = $5 and (t.created_at, t.id) > ($6, $7)
             order by t.created_at, t.id
             limit $8""";

    private static final String ONE = COLUMNS + " where " + VISIBLE + " and t.id = $5";

    private static final String LOCK = """
            select t.id, t.status, t.kind, t.customer_id, t.outbox_message_id
              from field_task t left join grid_area g on g.id = t.grid_area_id
             where """ + VISIBLE + " and t.id = $5 for update of t";

    /** One task per outbox message: a retried delivery finds the task it already made. */
    private static final String INSERT = """
            insert into field_task (outbox_message_id, kind, customer_id, grid_area_id, assigned_staff_id, topic, title,
                                    body, status, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 'OPEN', $9)
            on conflict (outbox_message_id) do nothing""";

    private final Pool pool;
    private final GridOwners owners;
    private final ContactOutcomes outcomes;
    private final StaffAudit audit;
    private final Clock clock;

    public FieldTasks(Pool pool, GridOwners owners, ContactOutcomes outcomes, StaffAudit audit, Clock clock) {
        this.pool = pool;
        this.owners = owners;
        this.outcomes = outcomes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The task for a message about {@code customerId}, in its grid service staff's queue. */
    Uni<Void> create(OutboxMessage message, TaskKind kind, long customerId) {
        return pool.withTransaction(connection -> owners.route(connection, customerId)
                .chain(route -> connection.preparedQuery(INSERT).execute(Tuple.from(new Object[] { message.id(),
                        kind.name(), customerId, route.gridAreaId(), route.staffId(), message.topic().name(),
                        message.title(), message.text(), OffsetDateTime.now(clock) }))))
                .replaceWithVoid();
    }

    /** The tasks in {@code status} that the staff member may see, oldest first; looking is audited. */
    public Uni<Page<FieldTask>> queue(StaffMember staff, TaskStatus status, String cursor, Integer requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Page.TimeAndId after = Page.timeAndId(cursor, Page.TimeAndId.OLDEST);
        return pool.preparedQuery(QUEUE).execute(WorkScope.parameters(staff).addString(status.name())
                .addOffsetDateTime(after.time()).addLong(after.id()).addInteger(limit + 1))
                .map(rows -> Page.of(rows.stream().map(row -> view(row, staff)).toList(), limit,
                        task -> new Page.TimeAndId(task.createdAt(), task.id()).parts()))
                .call(() -> audit.record(pool, staff, StaffAudit.Action.VIEW_TASKS, "tasks:" + status, null));
    }

    /** Records what came of the call or visit, once; the contact's outcome and the audit record go with it. */
    public Uni<FieldTask> close(StaffMember staff, long taskId, CloseTaskRequest request) {
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK)
                .execute(WorkScope.parameters(staff).addLong(taskId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw notVisible();
                    }
                    Row task = rows.iterator().next();
                    if (!TaskStatus.OPEN.name().equals(task.getString("status"))) {
                        throw new ProblemException(409, "task-closed", "Conflict", "This task is closed already.");
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    Long customerId = task.getLong("customer_id");
                    return connection.preparedQuery("""
                            update field_task set status = 'CLOSED', outcome = $2, note = $3, closed_by = $4,
                                   closed_at = $5
                             where id = $1""").execute(Tuple.from(new Object[] { taskId, request.outcome().name(),
                                     note, staff.id(), now }))
                            .chain(() -> outcomes.record(connection, task.getLong("outbox_message_id"), customerId,
                                    task.getString("kind"), request.outcome().contactOutcome()))
                            .chain(() -> audit.record(connection, staff, StaffAudit.Action.CLOSE_TASK,
                                    "task:" + taskId, customerId))
                            .chain(() -> load(connection, staff, taskId));
                }));
    }

    private Uni<FieldTask> load(SqlClient client, StaffMember staff, long taskId) {
        return client.preparedQuery(ONE).execute(WorkScope.parameters(staff).addLong(taskId)).map(rows -> {
            if (rows.size() == 0) {
                throw notVisible();
            }
            return view(rows.iterator().next(), staff);
        });
    }

    private static FieldTask view(Row row, StaffMember staff) {
        boolean mine = Integer.valueOf(staff.id()).equals(row.getInteger("assigned_staff_id"));
        String name = row.getString("customer_name");
        String mobile = row.getString("mobile");
        String address = row.getString("address");
        String outcome = row.getString("outcome");
        return new FieldTask(row.getLong("id"), TaskKind.valueOf(row.getString("kind")),
                TaskStatus.valueOf(row.getString("status")), Topic.valueOf(row.getString("topic")),
                row.getString("title"), row.getString("body"), row.getString("account_no"),
                mine ? name : PiiMasker.name(name), mine ? mobile : PiiMasker.mobile(mobile),
                mine ? address : PiiMasker.address(address), row.getInteger("grid_area_id"),
                row.getString("grid_area_name"), row.getString("assigned_staff_no"),
                outcome == null ? null : TaskOutcome.valueOf(outcome), row.getString("note"),
                row.getString("closed_by_no"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("closed_at"));
    }

    private static ProblemException notVisible() {
        return ProblemException.notFound("No such task in your queues.");
    }
}
