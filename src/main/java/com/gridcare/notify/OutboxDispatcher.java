package com.gridcare.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends what features wrote into the outbox. Each run claims a batch of due messages in one statement (SKIP LOCKED,
 * so instances side by side never take the same row) under a lease, hands each to its channel's adapter and records
 * the result: SENT; back to the app inbox when the channel cannot reach the resident; FAILED with an exponential,
 * jittered backoff while attempts remain, then DEAD. A message whose lease ran out (its instance stopped mid-send) is
 * due again. What each attempt showed is a {@code contact_outcome}, which the channel recommender learns from: a
 * provider taking it (DELIVERED) or refusing it (FAILED); a channel whose outcome comes later (a delivery receipt, the
 * inbox, a call, a task) records it then ({@link DeliveryReceipts}, {@link ContactOutcomes}), and sending to it
 * records nothing.
 */
// made at start-up: its constructor asks the host name, which may block, and must not do so on an event loop later
@Startup
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);

    /** $1 now, $2 this instance, $3 the lease's end, $4 how many. */
    private static final String CLAIM = """
            with due as (
                select id from outbox_message
                 where (status in ('PENDING', 'FAILED') and next_attempt_at <= $1)
                    or (status = 'SENDING' and locked_until <= $1)
                 order by next_attempt_at
                 limit $4
                   for update skip locked)
            update outbox_message m
               set status = 'SENDING', locked_by = $2, locked_until = $3, attempts = m.attempts + 1
              from due
             where m.id = due.id
            returning m.id, m.idempotency_key, m.channel_code, m.topic, m.customer_id, m.resident_id, m.recipient,
                      m.payload, m.attempts, m.created_at""";

    /** Every result is recorded only while the claim is still ours: a lease taken over belongs to the new holder. */
    private static final String OURS = " where id = $1 and locked_by = $2 and status = 'SENDING'";

    private static final String SENT = """
            update outbox_message set status = 'SENT', sent_at = $3, locked_by = null, locked_until = null""" + OURS;

    private static final String AWAITING_OUTCOME = """
            update outbox_message
               set status = 'SENT', sent_at = $3, template_msgid = $4, locked_by = null, locked_until = null""" + OURS;

    private static final String TO_INBOX = """
            update outbox_message
               set status = 'SENT', sent_at = $3, channel_code = 'APP_PUSH', recipient = 'resident:' || resident_id,
                   last_error = $4, locked_by = null, locked_until = null""" + OURS;

    private static final String NOT_SENT = """
            update outbox_message
               set status = $3, next_attempt_at = $4, last_error = $5, locked_by = null, locked_until = null""" + OURS;

    /** Counting stops here: past it the gauge says "at least", which is all a backlog alert needs. */
    private static final int BACKLOG_CAP = 100_000;
    private static final String BACKLOG = """
            select count(*) from (select 1 from outbox_message
                                   where status in ('PENDING', 'FAILED') and next_attempt_at <= $1
                                   limit""" + " " + BACKLOG_CAP + ") due";

    private static final int MAX_ERROR_LENGTH = 200;

    private final Pool pool;
    private final ContactOutcomes outcomes;
    private final Map<String, ChannelAdapter> adapters = new HashMap<>();
    private final Clock clock;
    private final OutboxConfig config;
    private final MeterRegistry registry;
    private final String instance;
    private final AtomicLong due = new AtomicLong();

    public OutboxDispatcher(Pool pool, ContactOutcomes outcomes, @All List<ChannelAdapter> adapters, Clock clock,
            OutboxConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.outcomes = outcomes;
        adapters.forEach(adapter -> this.adapters.put(adapter.channelCode(), adapter));
        this.clock = clock;
        this.config = config;
        this.registry = registry;
        // locked_by is 64 characters: the host name, cut, and what tells two processes on one host apart
        String host = host();
        this.instance = host.substring(0, Math.min(host.length(), 50)) + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        // held strongly: Micrometer holds a gauge's object weakly, and a gauge whose object is gone leaves the scrape
        Gauge.builder("gridcare.outbox.due", due, AtomicLong::get).strongReference(true)
                .description("Outbox messages due and not yet sent, as of the last run").register(registry);
    }

    /** Batch after batch while they come back full, so a backlog drains between two runs. */
    @Scheduled(every = "${gridcare.outbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Multi.createBy().repeating().uni(this::dispatchDue).whilst(handled -> handled == config.concurrency())
                .collect().last().call(this::countBacklog).replaceWithVoid();
    }

    /**
     * Claims as many due messages as go out at once, delivers them and records the results; returns how many it
     * handled. Claiming no more than are sent together keeps every claimed message within its lease: one claimed
     * for a later round could outlive it and be claimed, and sent, by another instance too.
     */
    public Uni<Integer> dispatchDue() {
        Instant now = clock.instant();
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(utc(now), instance, utc(now.plus(config.lease())), config.concurrency()))
                .map(rows -> rows.stream().map(OutboxDispatcher::message).toList())
                .chain(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUni(this::deliver).merge(config.concurrency())
                        .collect().last().replaceWith(claimed.size()));
    }

    private Uni<Void> deliver(OutboxMessage message) {
        ChannelAdapter adapter = adapters.get(message.channelCode());
        Uni<Delivery> delivery = adapter == null
                ? Uni.createFrom().item(Delivery.unavailable("no adapter for " + message.channelCode()))
                : Uni.createFrom().deferred(() -> adapter.deliver(message));
        return delivery.onFailure().recoverWithItem(failure -> {
            LOG.warnf(failure, "Outbox message %d: %s delivery failed", message.id(), message.channelCode());
            return Delivery.retryable(message.channelCode().toLowerCase() + ": " + failure.getClass().getSimpleName());
        }).chain(result -> record(message, result))
                // one row's record failing must not cancel the others' sends; this one is claimed again after its lease
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "Outbox message %d: result not recorded", message.id());
                    return null;
                });
    }

    /** What became of the row after one attempt; the metric's outcome tag. */
    private enum Recorded {
        SENT, AWAITING_OUTCOME, FALLBACK, FAILED, DEAD;

        final String tag = name().toLowerCase();
    }

    private Uni<Void> record(OutboxMessage message, Delivery delivery) {
        Instant now = clock.instant();
        Recorded recorded = switch (delivery.result()) {
            case SENT -> Recorded.SENT;
            case AWAITING_OUTCOME -> Recorded.AWAITING_OUTCOME;
            case CHANNEL_UNAVAILABLE -> message.residentId() != null
                    && !AppInboxChannel.CODE.equals(message.channelCode()) ? Recorded.FALLBACK : Recorded.DEAD;
            case RETRYABLE -> message.attempt() < config.maxAttempts() ? Recorded.FAILED : Recorded.DEAD;
            case PERMANENT -> Recorded.DEAD;
        };
        String reason = delivery.reason() == null ? null
                : delivery.reason().substring(0, Math.min(delivery.reason().length(), MAX_ERROR_LENGTH));
        Tuple ours = Tuple.of(message.id(), instance);
        Tuple arguments = switch (recorded) {
            case SENT -> ours.addValue(utc(now));
            case AWAITING_OUTCOME -> ours.addValue(utc(now)).addValue(delivery.templateMsgid());
            case FALLBACK -> ours.addValue(utc(now)).addValue(reason);
            case FAILED -> ours.addValue("FAILED").addValue(utc(now.plus(backoff(message.attempt())))).addValue(reason);
            case DEAD -> ours.addValue("DEAD").addValue(utc(now)).addValue(reason);
        };
        String update = switch (recorded) {
            case SENT -> SENT;
            case AWAITING_OUTCOME -> AWAITING_OUTCOME;
            case FALLBACK -> TO_INBOX;
            case FAILED, DEAD -> NOT_SENT;
        };
        return pool.withTransaction(connection -> connection.preparedQuery(update).execute(arguments).chain(rows -> {
            if (rows.rowCount() == 0) {
                LOG.warnf("Outbox message %d: lease lost before it was recorded %s", message.id(), recorded);
                return Uni.createFrom().voidItem();
            }
            Counter.builder("gridcare.outbox.deliveries").description("Outbox messages handled, by what became of them")
                    .tag("channel", message.channelCode()).tag("outcome", recorded.tag).register(registry).increment();
            // a message moved to the inbox is READ once the resident opens it: nothing to record for the inbox now
            return recorded == Recorded.AWAITING_OUTCOME ? Uni.createFrom().voidItem()
                    : outcomes.record(connection, message.id(), message.customerId(), message.channelCode(),
                            recorded == Recorded.SENT ? ContactOutcome.DELIVERED : ContactOutcome.FAILED, utc(now));
        }));
    }

    /** Before attempt {@code attempt + 1}: base × 2^(attempt-1), at most max; half of it fixed, half random. */
    Duration backoff(int attempt) {
        long base = config.backoffBase().toMillis();
        long full = Math.min(config.backoffMax().toMillis(), base << Math.min(attempt - 1, 30));
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }

    private Uni<Void> countBacklog() {
        return pool.preparedQuery(BACKLOG).execute(Tuple.of(utc(clock.instant())))
                .invoke(rows -> due.set(rows.iterator().next().getLong(0))).replaceWithVoid();
    }

    private static OutboxMessage message(Row row) {
        JsonObject payload = (JsonObject) row.getJson("payload");
        JsonObject data = payload.getJsonObject("data");
        return new OutboxMessage(row.getLong("id"), row.getString("idempotency_key"), row.getString("channel_code"),
                Topic.valueOf(row.getString("topic")), row.getLong("customer_id"), row.getLong("resident_id"),
                row.getString("recipient"), payload.getString("title"), payload.getString("text"),
                data == null ? Map.of() : data.getMap(), row.getInteger("attempts"),
                row.getOffsetDateTime("created_at"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
