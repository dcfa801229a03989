package com.gridcare.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.CopyRowWriter;

import io.vertx.core.json.JsonObject;

/**
 * The outbox for batch jobs on JDBC (the reminder planner writes up to a whole population's messages in one transaction
 * with its own rows): the same rows as {@link Outbox}, streamed with {@code COPY}, and the PAID outcomes of contacts
 * whose bill was paid. Blocking: call it off the event loop.
 */
@ApplicationScoped
public class OutboxBatch {

    private static final String COLUMNS = "idempotency_key, channel_code, topic, customer_id, resident_id, recipient, "
            + "payload, next_attempt_at";

    /**
     * COPY cannot skip a key already written, so the messages go through a temporary table first; it is dropped with
     * the transaction.
     */
    private static final String STAGE = "create temp table staged_outbox on commit drop as select " + COLUMNS
            + " from outbox_message with no data";

    private static final String INSERT = "insert into outbox_message (" + COLUMNS + ", status) select " + COLUMNS
            + ", 'PENDING' from staged_outbox on conflict (idempotency_key) do nothing";

    private static final String PAID = """
            insert into contact_outcome (outbox_message_id, customer_id, channel_code, outcome, occurred_at)
            select id, customer_id, channel_code, 'PAID', ? from outbox_message where id = ?""";

    /**
     * Writes the messages, each made only when it is written (a planner's million need not be held at once), on the
     * caller's connection and transaction; a key already in the outbox is skipped. Returns the rows written.
     */
    public long enqueue(Connection connection, Iterator<AddressedMessage> messages) throws SQLException {
        try (Statement stage = connection.createStatement()) {
            stage.execute(STAGE);
        }
        try (CopyRowWriter copy = CopyRowWriter.open(connection, "staged_outbox", COLUMNS, false)) {
            while (messages.hasNext()) {
                row(copy, messages.next());
                copy.endRow();
            }
            copy.finish();
        }
        try (Statement insert = connection.createStatement()) {
            long written = insert.executeLargeUpdate(INSERT);
            insert.execute("drop table staged_outbox");
            return written;
        }
    }

    /**
     * Writes messages whose keys the caller knows to be new (e.g. it holds a lock and left out every key already
     * written) straight into the outbox with {@code COPY}, without the staging of {@link #enqueue}, and returns their
     * ids in the order given, so the caller can link its own rows to them in the same transaction. A key that is there
     * already fails the whole statement. {@code count}: how many {@code messages} will give.
     */
    public long[] insertNew(Connection connection, int count, Iterator<AddressedMessage> messages)
            throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement reserve = connection.prepareStatement(
                "select nextval(pg_get_serial_sequence('outbox_message', 'id')) from generate_series(1, ?)")) {
            reserve.setInt(1, count);
            try (ResultSet id = reserve.executeQuery()) {
                for (int i = 0; i < count && id.next(); i++) {
                    ids[i] = id.getLong(1);
                }
            }
        }
        try (CopyRowWriter copy = CopyRowWriter.open(connection, "outbox_message", "id, " + COLUMNS + ", status",
                false)) {
            for (int i = 0; i < count; i++) {
                copy.number(ids[i]);
                row(copy, messages.next());
                copy.text("PENDING").endRow();
            }
            copy.finish();
        }
        return ids;
    }

    private static void row(CopyRowWriter copy, AddressedMessage message) throws SQLException {
        JsonObject payload = new JsonObject().put("title", message.title()).put("text", message.text())
                .put("data", new JsonObject(message.data()));
        copy.text(message.idempotencyKey()).text(message.channelCode()).text(message.topic().name())
                .number(message.customerId());
        if (message.residentId() == null) {
            copy.nullValue();
        } else {
            copy.number(message.residentId());
        }
        copy.text(message.recipient()).text(payload.encode()).text(message.notBefore().toString());
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
