package com.gridcare.notify;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * How {@code contact_outcome} is written from outside notify: channels whose outcome arrives after sending (a voice
 * call's callback, a task closed by staff) record it here, on the connection of their own change, so both commit
 * together. Inside notify the dispatcher records each attempt here too; the inbox's READ goes with marking the
 * messages read, in one statement.
 */
@ApplicationScoped
public class ContactOutcomes {

    private static final String INSERT = """
            insert into contact_outcome (outbox_message_id, customer_id, channel_code, outcome, occurred_at)
            values ($1, $2, $3, $4, $5)""";

    private final Clock clock;

    public ContactOutcomes(Clock clock) {
        this.clock = clock;
    }

    /** Only contacts about a customer account can be attributed; without one nothing is recorded. */
    public Uni<Void> record(SqlClient client, Long outboxMessageId, Long customerId, String channelCode,
            ContactOutcome outcome) {
        return record(client, outboxMessageId, customerId, channelCode, outcome, OffsetDateTime.now(clock));
    }

    Uni<Void> record(SqlClient client, Long outboxMessageId, Long customerId, String channelCode,
            ContactOutcome outcome, OffsetDateTime at) {
        if (customerId == null) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(INSERT).execute(Tuple.of(outboxMessageId, customerId, channelCode, outcome.name(),
                at)).replaceWithVoid();
    }
}
