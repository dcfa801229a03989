package com.gridcare.staff;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The audit trail of staff actions. A change (claim, reply, resolve) is recorded on the connection of its own
 * transaction, so the record exists exactly when the change does; reads and sign-ins are recorded on their own.
 */
@ApplicationScoped
public class StaffAudit {

    public enum Action {
        SIGN_IN, SIGN_IN_REFUSED, VIEW_QUEUE, VIEW_ESCALATION, VIEW_CUSTOMER, CLAIM, REPLY, RESOLVE, VIEW_TASKS,
        CLOSE_TASK, UPDATE_CONTACT_CHANNEL, VIEW_REPAIRS, VIEW_REPAIR, REPAIR_STEP, CREATE_OUTAGE, EDIT_OUTAGE,
        PUBLISH_OUTAGE, CONFIRM_OUTAGE, DISMISS_OUTAGE, MOVE_OUTAGE_ESTIMATE, RESTORE_OUTAGE, CANCEL_OUTAGE, CLOSE_OUTAGE
    }

    private static final String INSERT = """
            insert into staff_audit_log (staff_id, staff_no, action, escalation_id, customer_id, client_address, at,
                                         subject)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";

    private final Pool pool;
    private final Clock clock;

    public StaffAudit(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Void> record(StaffMember staff, Action action, Long escalationId, Long customerId) {
        return record(pool, staff.id(), staff.staffNo(), action, escalationId, customerId, null);
    }

    public Uni<Void> record(SqlClient client, StaffMember staff, Action action, Long escalationId, Long customerId) {
        return record(client, staff.id(), staff.staffNo(), action, escalationId, customerId, null);
    }

    /** An action on something other than an escalation, named by {@code subject} ("task:12", "contact-channel:SMS"). */
    public Uni<Void> record(SqlClient client, StaffMember staff, Action action, String subject, Long customerId) {
        return insert(client, staff.id(), staff.staffNo(), action, null, customerId, null, subject);
    }

    Uni<Void> record(SqlClient client, Integer staffId, String staffNo, Action action, Long escalationId,
            Long customerId, String clientAddress) {
        return insert(client, staffId, staffNo, action, escalationId, customerId, clientAddress, null);
    }

    private Uni<Void> insert(SqlClient client, Integer staffId, String staffNo, Action action, Long escalationId,
            Long customerId, String clientAddress, String subject) {
        return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] { staffId, staffNo, action.name(),
                escalationId, customerId, clientAddress, OffsetDateTime.now(clock), subject })).replaceWithVoid();
    }
}
