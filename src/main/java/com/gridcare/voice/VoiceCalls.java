package com.gridcare.voice;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.ProblemException;
import com.gridcare.notify.ContactOutcome;
import com.gridcare.notify.ContactOutcomes;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The calls placed ({@code voice_call}) and how each ended, which becomes the contact's outcome. */
@ApplicationScoped
public class VoiceCalls {

    private static final String CHANNEL = "VOICE_CALL";

    private final Pool pool;
    private final ContactOutcomes outcomes;
    private final Clock clock;

    public VoiceCalls(Pool pool, ContactOutcomes outcomes, Clock clock) {
        this.pool = pool;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** A repeated placement (the same key answered with the same call) is the call already recorded. */
    Uni<Void> placed(String callId, long outboxMessageId, Long customerId) {
        return pool.preparedQuery("""
                insert into voice_call (call_id, outbox_message_id, customer_id, placed_at) values ($1, $2, $3, $4)
                on conflict do nothing""")
                .execute(Tuple.of(callId, outboxMessageId, customerId, OffsetDateTime.now(clock))).replaceWithVoid();
    }

    /**
     * Records how the call ended, once: an unknown call is 404 and a second report of the same call (a replayed
     * callback) 409, both changing nothing.
     */
    Uni<Void> ended(VoiceCallResult report) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                select outbox_message_id, customer_id, result from voice_call where call_id = $1 for update""")
                .execute(Tuple.of(report.callId())).chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No such call.");
                    }
                    Row call = rows.iterator().next();
                    if (call.getString("result") != null) {
                        throw new ProblemException(409, "call-already-reported", "Conflict",
                                "This call's result was reported already.");
                    }
                    return connection.preparedQuery("update voice_call set result = $2, result_at = $3 where call_id = $1")
                            .execute(Tuple.of(report.callId(), report.result().name(), OffsetDateTime.now(clock)))
                            .chain(() -> outcomes.record(connection, call.getLong("outbox_message_id"),
                                    call.getLong("customer_id"), CHANNEL,
                                    ContactOutcome.valueOf(report.result().name())));
                }));
    }
}
