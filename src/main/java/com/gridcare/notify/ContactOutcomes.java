package com.gridcare.notify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

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

    private static final String INSERT_ALL = """
            insert into contact_outcome (outbox_message_id, customer_id, channel_code, outcome, occurred_at)
            select message, customer, channel, outcome, $5
              from unnest($1::bigint[], $2::bigint[], $3::varchar[], $4::varchar[]) as o(message, customer, channel, outcome)""";

    /** One contact's outcome, for {@link #recordAll}. */
    record Outcome(long outboxMessageId, Long customerId, String channelCode, ContactOutcome outcome) {
    }

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

    /** Several outcomes in one statement (the dispatcher's batch); those without a customer are left out, as above. */
    Uni<Void> recordAll(SqlClient client, List<Outcome> outcomes, OffsetDateTime at) {
        List<Outcome> attributable = outcomes.stream().filter(outcome -> outcome.customerId() != null).toList();
        if (attributable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = attributable.size();
        Long[] messages = new Long[n];
        Long[] customers = new Long[n];
        String[] channels = new String[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            Outcome outcome = attributable.get(i);
            messages[i] = outcome.outboxMessageId();
            customers[i] = outcome.customerId();
            channels[i] = outcome.channelCode();
            names[i] = outcome.outcome().name();
        }
        return client.preparedQuery(INSERT_ALL).execute(Tuple.of(messages, customers, channels, names, at))
                .replaceWithVoid();
    }
}
