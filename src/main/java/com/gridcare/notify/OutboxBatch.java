package com.gridcare.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.json.JsonObject;

/**
 * The outbox for batch jobs on JDBC (the reminder planner writes tens of thousands of messages in one transaction with
 * its own rows): the same rows as {@link Outbox}, written in JDBC batches, and the PAID outcomes of contacts whose bill
 * was paid. Blocking: call it off the event loop.
 */
@ApplicationScoped
public class OutboxBatch {

    private static final String INSERT = """
            insert into outbox_message (idempotency_key, channel_code, topic, customer_id, resident_id, recipient,
                                        payload, status, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING', ?)
            on conflict (idempotency_key) do nothing""";

    private static final String PAID = """
            insert into contact_outcome (outbox_message_id, customer_id, channel_code, outcome, occurred_at)
            select id, customer_id, channel_code, 'PAID', ? from outbox_message where id = ?""";

    public void enqueue(Connection connection, List<AddressedMessage> messages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AddressedMessage message : messages) {
                JsonObject payload = new JsonObject().put("title", message.title()).put("text", message.text())
                        .put("data", new JsonObject(message.data()));
                insert.setString(1, message.idempotencyKey());
                insert.setString(2, message.channelCode());
                insert.setString(3, message.topic().name());
                insert.setLong(4, message.customerId());
                if (message.residentId() == null) {
                    insert.setNull(5, Types.BIGINT);
                } else {
                    insert.setLong(5, message.residentId());
                }
                insert.setString(6, message.recipient());
                insert.setString(7, payload.encode());
                insert.setObject(8, message.notBefore());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The bill the messages reminded of was paid: each message's channel prompted it ({@code contact_outcome}). */
    public void recordPaid(Connection connection, List<Long> outboxMessageIds, OffsetDateTime paidAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(PAID)) {
            for (long id : outboxMessageIds) {
                insert.setObject(1, paidAt);
                insert.setLong(2, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
