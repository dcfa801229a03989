package com.gridcare.notify;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A provider's receipt for a message it took (the SMS provider's delivery receipt, WeChat's template send-job event):
 * the contact's outcome, DELIVERED or FAILED, which the channel's adapter left open when sending
 * ({@link Delivery#awaitingOutcome()}). Each message takes one receipt; {@code outbox_message.receipt_at} marks it in
 * the same statement that finds the message, so two receipts arriving at once cannot both be recorded.
 */
@ApplicationScoped
public class DeliveryReceipts {

    /** What became of a receipt. */
    public enum Receipt {
        RECORDED,
        /** No such message on the channel. */
        UNKNOWN,
        /** The message's receipt came before: nothing changed. */
        REPEATED
    }

    private static final String BY_KEY = """
            update outbox_message set receipt_at = $3
             where idempotency_key = $1 and channel_code = $2 and receipt_at is null
            returning id, customer_id, channel_code""";
    private static final String KEY_EXISTS = """
            select 1 from outbox_message where idempotency_key = $1 and channel_code = $2""";

    private static final String BY_TEMPLATE_MSGID = """
            update outbox_message set receipt_at = $2
             where template_msgid = $1 and receipt_at is null
            returning id, customer_id, channel_code""";
    private static final String TEMPLATE_MSGID_EXISTS = "select 1 from outbox_message where template_msgid = $1";

    private final Pool pool;
    private final ContactOutcomes outcomes;
    private final Clock clock;

    public DeliveryReceipts(Pool pool, ContactOutcomes outcomes, Clock clock) {
        this.pool = pool;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** The receipt for the message with {@code idempotencyKey} on {@code channelCode}, delivered or failed {@code at}. */
    public Uni<Receipt> byKey(String channelCode, String idempotencyKey, boolean delivered, OffsetDateTime at) {
        return pool.withTransaction(connection -> connection.preparedQuery(BY_KEY)
                .execute(Tuple.of(idempotencyKey, channelCode, OffsetDateTime.now(clock)))
                .chain(rows -> record(connection, rows, delivered, at, KEY_EXISTS, Tuple.of(idempotencyKey, channelCode))));
    }

    /** The receipt for the template message WeChat gave {@code msgid}. */
    public Uni<Receipt> byTemplateMsgid(long msgid, boolean delivered, OffsetDateTime at) {
        return pool.withTransaction(connection -> connection.preparedQuery(BY_TEMPLATE_MSGID)
                .execute(Tuple.of(msgid, OffsetDateTime.now(clock)))
                .chain(rows -> record(connection, rows, delivered, at, TEMPLATE_MSGID_EXISTS, Tuple.of(msgid))));
    }

    private Uni<Receipt> record(SqlConnection connection, RowSet<Row> marked, boolean delivered, OffsetDateTime at,
            String exists, Tuple message) {
        if (marked.rowCount() == 0) {
            return connection.preparedQuery(exists).execute(message)
                    .map(found -> found.rowCount() == 0 ? Receipt.UNKNOWN : Receipt.REPEATED);
        }
        ContactOutcome outcome = delivered ? ContactOutcome.DELIVERED : ContactOutcome.FAILED;
        Uni<Void> recorded = Uni.createFrom().voidItem();
        for (Row row : marked) {
            recorded = recorded.chain(() -> outcomes.record(connection, row.getLong("id"), row.getLong("customer_id"),
                    row.getString("channel_code"), outcome, at));
        }
        return recorded.replaceWith(Receipt.RECORDED);
    }
}
