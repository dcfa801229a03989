package com.gridcare.repair;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.Page;
import com.gridcare.common.PiiMasker;
import com.gridcare.common.ProblemException;
import com.gridcare.staff.StaffAudit;
import com.gridcare.staff.StaffMember;
import com.gridcare.staff.WorkScope;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Repair tickets as staff and crews work them: the queue, one ticket, and its next step. Who sees a ticket is the rule
 * of every staff queue ({@link WorkScope}), by the customer's grid area: an agent their own area's, a supervisor their
 * district's and those of customers without an area, an admin all; anything else is 404. Every step is audited
 * (subject {@code repair:<ticketNo>}) in its own transaction.
 */
@ApplicationScoped
public class StaffRepairs {

    /** Tickets are nobody's in particular: the grid area decides, so {@code work} names no assignee. */
    private static final String FROM = """

              from repair_ticket t
              join customer c on c.id = t.customer_id
              cross join lateral (select c.grid_area_id, null::int as assigned_staff_id, null::int as taken_by) work
              left join grid_area g on g.id = c.grid_area_id
             where """ + WorkScope.condition("work", "taken_by");

    private static final String COLUMNS = "select " + RepairService.TICKET_COLUMNS + """
            , t.crew_name, t.crew_contact, t.updated_at, c.name as customer_name, c.address, c.grid_area_id,
                   g.name as grid_area_name""";

    /** Keyset on (created_at, id) after ($6, $7): the oldest first. */
    private static final String QUEUE = COLUMNS + FROM + """

               and t.status = any($5) and (t.created_at, t.id) > ($6, $7)
             order by t.created_at, t.id
             limit $8""";

    private static final String ONE = COLUMNS + FROM + " and t.ticket_no = $5";

    private final Pool pool;
    private final RepairService repairs;
    private final StaffAudit audit;

    public StaffRepairs(Pool pool, RepairService repairs, StaffAudit audit) {
        this.pool = pool;
        this.repairs = repairs;
        this.audit = audit;
    }

    /** Tickets in {@code statuses} the staff member may see, oldest first; looking is audited. */
    public Uni<Page<StaffRepairTicket>> queue(StaffMember staff, List<RepairStatus> statuses, String cursor,
            Integer requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Page.TimeAndId after = Page.timeAndId(cursor, Page.TimeAndId.OLDEST);
        String[] wanted = statuses.stream().map(Enum::name).toArray(String[]::new);
        return pool.withConnection(connection -> connection.preparedQuery(QUEUE).execute(WorkScope.parameters(staff)
                .addArrayOfString(wanted).addOffsetDateTime(after.time()).addLong(after.id()).addInteger(limit + 1))
                .chain(rows -> {
                    List<Row> fetched = rows.stream().toList();
                    Page<Row> page = Page.of(fetched, limit, row -> new Page.TimeAndId(
                            row.getOffsetDateTime("created_at"), row.getLong("id")).parts());
                    return views(connection, page.items(), staff).map(items -> new Page<>(items, page.nextCursor()));
                }))
                .call(() -> audit.record(pool, staff, StaffAudit.Action.VIEW_REPAIRS, "repairs:" + String.join(",",
                        wanted), null));
    }

    /** One ticket with its timeline; looking is audited. */
    public Uni<StaffRepairTicket> ticket(StaffMember staff, String ticketNo) {
        return pool.withConnection(connection -> load(connection, staff, ticketNo))
                .call(ticket -> audit.record(pool, staff, StaffAudit.Action.VIEW_REPAIR, subject(ticketNo), null));
    }

    /**
     * Moves the ticket on: a crew is named when dispatching, and only then. A step that does not follow from the
     * ticket's status is 409 and changes nothing.
     */
    public Uni<StaffRepairTicket> step(StaffMember staff, String ticketNo, RepairStepRequest request) {
        return Uni.createFrom().deferred(() -> step(staff, ticketNo, request.status(), crew(request),
                request.note() == null || request.note().isBlank() ? null : request.note().strip()));
    }

    private Uni<StaffRepairTicket> step(StaffMember staff, String ticketNo, RepairStatus next, RepairService.Crew crew,
            String note) {
        return pool.withTransaction(connection -> connection.preparedQuery(ONE + " for update of t")
                .execute(WorkScope.parameters(staff).addString(ticketNo))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw notVisible();
                    }
                    Row locked = rows.iterator().next();
                    RepairStatus status = RepairStatus.valueOf(locked.getString("status"));
                    if (!status.canMoveTo(next)) {
                        throw new ProblemException(409, "illegal-transition", "Conflict", "status: a " + status
                                + " ticket cannot become " + next + "; it can become " + nextSteps(status) + ".");
                    }
                    return repairs.move(connection, locked, next, note, staff.id(), crew, "repair." + next)
                            .call(() -> audit.record(connection, staff, StaffAudit.Action.REPAIR_STEP,
                                    subject(ticketNo), locked.getLong("customer_id")))
                            .chain(() -> load(connection, staff, ticketNo));
                }));
    }

    private static RepairService.Crew crew(RepairStepRequest request) {
        boolean named = request.crewName() != null && !request.crewName().isBlank();
        boolean reachable = request.crewContact() != null && !request.crewContact().isBlank();
        if (request.status() == RepairStatus.DISPATCHED) {
            if (!named || !reachable) {
                throw new InvalidRequestException(!named ? "crewName: the crew dispatched must be named"
                        : "crewContact: the crew dispatched needs a phone number");
            }
            return new RepairService.Crew(request.crewName().strip(), request.crewContact().strip());
        }
        if (named || reachable) {
            throw new InvalidRequestException((named ? "crewName" : "crewContact") + ": a crew is named only when "
                    + "dispatching");
        }
        return null;
    }

    private Uni<StaffRepairTicket> load(SqlClient client, StaffMember staff, String ticketNo) {
        return client.preparedQuery(ONE).execute(WorkScope.parameters(staff).addString(ticketNo)).chain(rows -> {
            if (rows.size() == 0) {
                throw notVisible();
            }
            return views(client, List.of(rows.iterator().next()), staff).map(views -> views.get(0));
        });
    }

    private static Uni<List<StaffRepairTicket>> views(SqlClient client, List<Row> rows, StaffMember staff) {
        return RepairService.timelines(client, rows).map(timelines -> rows.stream()
                .map(row -> view(row, staff, timelines)).toList());
    }

    private static StaffRepairTicket view(Row row, StaffMember staff, Map<Long, List<RepairTicket.Step>> timelines) {
        Integer area = row.getInteger("grid_area_id");
        boolean own = area != null && area.equals(staff.gridAreaId());
        String name = row.getString("customer_name");
        String address = row.getString("address");
        String phone = row.getString("contact_phone");
        RepairStatus status = RepairStatus.valueOf(row.getString("status"));
        return new StaffRepairTicket(row.getString("ticket_no"), row.getString("account_no"),
                own ? name : PiiMasker.name(name), own ? address : PiiMasker.address(address),
                own ? phone : PiiMasker.mobile(phone), status, row.getString("description"),
                Arrays.asList(row.getArrayOfStrings("photo_urls")), row.getLong("outage_id"),
                row.getString("crew_name"), row.getString("crew_contact"), area, row.getString("grid_area_name"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"), nextSteps(status),
                timelines.get(row.getLong("id")));
    }

    /** What a staff member may move a ticket in {@code status} to (LINKED is only ever a report's). */
    static List<RepairStatus> nextSteps(RepairStatus status) {
        return Arrays.stream(RepairStatus.values()).filter(status::canMoveTo).toList();
    }

    private static String subject(String ticketNo) {
        return "repair:" + ticketNo;
    }

    private static ProblemException notVisible() {
        return ProblemException.notFound("No such repair ticket in your queues.");
    }
}
