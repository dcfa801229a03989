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
        SIGN_IN, SIGN_IN_REFUSED, VIEW_QUEUE, VIEW_ESCALATION, VIEW_CUSTOMER, CLAIM, REPLY, RESOLVE
    }

    private static final String INSERT = """
            insert into staff_audit_log (staff_id, staff_no, action, escalation_id, customer_id, client_address, at)
            values ($1, $2, $3, $4, $5, $6, $7)""";

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

    Uni<Void> record(SqlClient client, Integer staffId, String staffNo, Action action, Long escalationId,
            Long customerId, String clientAddress) {
        return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] { staffId, staffNo, action.name(),
                escalationId, customerId, clientAddress, OffsetDateTime.now(clock) })).replaceWithVoid();
    }
}
