package com.gridcare.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /**
     * $1 now, $2 this instance, $3 the lease's end, $4 how many sends at once, $5 the most rows one claim may take, $6
     * the channels whose provider takes several messages in one request and $7 each one's share of a send (1 / its
     * batch size). Leases run out first, then due messages oldest first; each from its own partial index, in order
     * and stopping at a limit: one condition with OR made PostgreSQL read and sort every due row on each claim (60 ms
     * with 20,000 due, BENCHMARKS.md). Due messages are taken while their sends add up to what is left of $4, so a
     * claim holds as many texts as its batch requests carry and never more sends than go out at once.
     */
    private static final String CLAIM = """
            with expired as (
                select id from outbox_message
                 where status = 'SENDING' and locked_until <= $1
                 order by locked_until
                 limit $4
                   for update skip locked),
            due as (
                select id, channel_code, next_attempt_at from outbox_message
                 where status in ('PENDING', 'FAILED') and next_attempt_at <= $1
                 order by next_attempt_at
                 limit $5
                   for update skip locked),
            weighed as (
                select id, sum(coalesce(b.share, 1)) over (order by d.next_attempt_at, d.id) as sends
                  from due d left join unnest($6::varchar[], $7::float8[]) as b(code, share) on b.code = d.channel_code)
            update outbox_message m
               set status = 'SENDING', locked_by = $2, locked_until = $3, attempts = m.attempts + 1
             where m.id = any (array(select id from expired)
                               || array(select id from weighed where sends <= $4 - (select count(*) from expired)))
            returning m.id, m.idempotency_key, m.channel_code, m.topic, m.customer_id, m.resident_id, m.recipient,
                      m.payload, m.attempts, m.created_at""";

    /**
     * The results of several attempts in one statement, each row only while the claim is still ours (a lease taken over
     * belongs to the new holder): $1 ids, $2 what became of each ({@link Recorded}), $3 its next attempt (FAILED),
     * $4 its reason, $5 now, $6 this instance, $7 WeChat's msgid of a template message it took. Returns the rows
     * recorded.
     */
    private static final String RECORD = """
            update outbox_message m
               set status = case r.recorded when 'FAILED' then 'FAILED' when 'DEAD' then 'DEAD' else 'SENT' end,
                   sent_at = case when r.recorded in ('FAILED', 'DEAD') then m.sent_at else $5 end,
                   channel_code = case r.recorded when 'FALLBACK' then 'APP_PUSH' else m.channel_code end,
                   recipient = case r.recorded when 'FALLBACK' then 'resident:' || m.resident_id else m.recipient end,
                   next_attempt_at = case r.recorded when 'FAILED' then r.next_attempt_at
                                                     when 'DEAD' then $5 else m.next_attempt_at end,
                   last_error = case when r.recorded in ('SENT', 'AWAITING_OUTCOME') then m.last_error
                                     else nullif(r.reason, '') end,
                   template_msgid = coalesce(r.template_msgid, m.template_msgid),
                   locked_by = null, locked_until = null
              from unnest($1::bigint[], $2::varchar[], $3::timestamptz[], $4::varchar[], $7::bigint[])
                   as r(id, recorded, next_attempt_at, reason, template_msgid)
             where m.id = r.id and m.locked_by = $6 and m.status = 'SENDING'
            returning m.id""";

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
    private final String[] batchedChannels;
    private final Double[] sendShares;
    private final int claimLimit;
    /** A run is sending: a wake meanwhile only asks it to claim once more ({@link #wokenWhileDraining}). */
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wokenWhileDraining = new AtomicBoolean();

    public OutboxDispatcher(Pool pool, ContactOutcomes outcomes, @All List<ChannelAdapter> adapters, Clock clock,
            OutboxConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.outcomes = outcomes;
        adapters.forEach(adapter -> this.adapters.put(adapter.channelCode(), adapter));
        List<ChannelAdapter> batched = adapters.stream().filter(adapter -> adapter.batchSize() > 1).toList();
        this.batchedChannels = batched.stream().map(ChannelAdapter::channelCode).toArray(String[]::new);
        this.sendShares = batched.stream().map(adapter -> 1.0 / adapter.batchSize()).toArray(Double[]::new);
        this.claimLimit = config.concurrency()
                * batched.stream().mapToInt(ChannelAdapter::batchSize).max().orElse(1);
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

    @Scheduled(every = "${gridcare.outbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return drain();
    }

    /**
     * Sends what is due now instead of at the next run, for a writer that just committed messages people are waiting
     * for (an outage's notices: the interval's wait was a second of the 30 in which 50,000 must be sent,
     * BENCHMARKS.md). A run already sending claims once more. Where runs are off (tests drive the dispatcher) it does
     * nothing.
     */
    public void wake() {
        if (!"off".equals(config.interval())) {
            drain().subscribe().with(done -> { }, failure -> LOG.warn("Outbox: a woken run failed", failure));
        }
    }

    /**
     * One run at a time on this instance, in {@code lanes} that claim and send side by side, so one claim's slowest
     * send does not hold up the next claim. A wake in the instant between a run's last claim and its end waits for the
     * next run.
     */
    private Uni<Void> drain() {
        return Uni.createFrom().deferred(() -> {
            if (!draining.compareAndSet(false, true)) {
                wokenWhileDraining.set(true);
                return Uni.createFrom().voidItem();
            }
            return Multi.createFrom().range(0, config.lanes()).onItem().transformToUniAndMerge(lane -> lane())
                    .collect().last().call(this::countBacklog)
                    .eventually(() -> draining.set(false)).replaceWithVoid();
        });
    }

    /** Batch after batch while they come back full or a wake came meanwhile, so a backlog drains between two runs. */
    private Uni<Integer> lane() {
        return Multi.createBy().repeating().uni(() -> {
            wokenWhileDraining.set(false);
            return dispatchDue();
        }).whilst(handled -> handled >= config.concurrency() || wokenWhileDraining.get()).collect().last();
    }

    /**
     * Claims as many due messages as go out at once, delivers them and records the results; returns how many it
     * handled. Claiming no more than are sent together keeps every claimed message within its lease: one claimed
     * for a later round could outlive it and be claimed, and sent, by another instance too. A channel whose provider
     * takes several messages in one request gets them in batches of its size; results are recorded as they come, up
     * to {@value #RECORD_BATCH} in one transaction.
     */
    public Uni<Integer> dispatchDue() {
        Instant now = clock.instant();
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.from(new Object[] { utc(now), instance, utc(now.plus(config.lease())),
                        config.concurrency(), claimLimit, batchedChannels, sendShares }))
                .map(rows -> rows.stream().map(OutboxDispatcher::message).toList())
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : Multi.createFrom().iterable(sendings(claimed))
                                .onItem().transformToUni(this::attempt).merge(config.concurrency())
                                .onItem().<Attempt>disjoint()
                                .group().intoLists().of(RECORD_BATCH)
                                .onItem().transformToUniAndMerge(this::record)
                                .collect().last().replaceWith(claimed.size()));
    }

    /** The claimed messages as the requests that send them: per channel, as many together as its adapter takes. */
    private List<List<OutboxMessage>> sendings(List<OutboxMessage> claimed) {
        Map<String, List<OutboxMessage>> byChannel = new HashMap<>();
        claimed.forEach(message -> byChannel.computeIfAbsent(message.channelCode(), code -> new ArrayList<>())
                .add(message));
        List<List<OutboxMessage>> sendings = new ArrayList<>();
        byChannel.forEach((code, messages) -> {
            ChannelAdapter adapter = adapters.get(code);
            int size = adapter == null ? 1 : Math.max(1, adapter.batchSize());
            for (int from = 0; from < messages.size(); from += size) {
                sendings.add(messages.subList(from, Math.min(messages.size(), from + size)));
            }
        });
        return sendings;
    }

    /**
     * Results recorded in one transaction. One transaction per message made the commit (and its WAL flush) the
     * dispatcher's cost per message; a batch shares one, and its contact outcomes are one statement.
     */
    static final int RECORD_BATCH = 256;

    /** What became of the row after one attempt; the metric's outcome tag. */
    private enum Recorded {
        SENT, AWAITING_OUTCOME, FALLBACK, FAILED, DEAD;

        final String tag = name().toLowerCase();
    }

    /** One attempt's result, to be recorded; {@code nextAttemptAt} only when FAILED. */
    private record Attempt(OutboxMessage message, Recorded recorded, String reason, Instant nextAttemptAt,
            Long templateMsgid) {
    }

    private Uni<List<Attempt>> attempt(List<OutboxMessage> messages) {
        String channel = messages.get(0).channelCode();
        ChannelAdapter adapter = adapters.get(channel);
        Uni<List<Delivery>> deliveries = adapter == null
                ? Uni.createFrom().item(messages.stream().map(m -> Delivery.unavailable("no adapter for " + channel)).toList())
                : Uni.createFrom().deferred(() -> messages.size() == 1
                        ? adapter.deliver(messages.get(0)).map(List::of)
                        : adapter.deliver(messages));
        return deliveries.onFailure().recoverWithItem(failure -> {
            LOG.warnf(failure, "Outbox messages %s: %s delivery failed", ids(messages), channel);
            Delivery retryable = Delivery.retryable(channel.toLowerCase() + ": " + failure.getClass().getSimpleName());
            return messages.stream().map(m -> retryable).toList();
        }).map(results -> {
            List<Attempt> attempts = new ArrayList<>(messages.size());
            for (int i = 0; i < messages.size(); i++) {
                attempts.add(attempt(messages.get(i), results.get(i)));
            }
            return attempts;
        });
    }

    private static List<Long> ids(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::id).toList();
    }

    private Attempt attempt(OutboxMessage message, Delivery delivery) {
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
        Instant next = recorded == Recorded.FAILED ? clock.instant().plus(backoff(message.attempt())) : null;
        return new Attempt(message, recorded, reason, next, delivery.templateMsgid());
    }

    /**
     * Records attempts in one transaction: the rows still claimed by this instance, and for each of them its contact
     * outcome, once. A row whose lease another instance took over is left to it. Should the transaction fail, the
     * rows stay SENDING and are claimed again when their lease runs out (sent at least once, never lost).
     */
    private Uni<Void> record(List<Attempt> attempts) {
        OffsetDateTime now = utc(clock.instant());
        int n = attempts.size();
        Long[] ids = new Long[n];
        String[] recorded = new String[n];
        OffsetDateTime[] next = new OffsetDateTime[n];
        String[] reasons = new String[n];
        Long[] templateMsgids = new Long[n];
        for (int i = 0; i < n; i++) {
            Attempt attempt = attempts.get(i);
            ids[i] = attempt.message().id();
            recorded[i] = attempt.recorded().name();
            next[i] = attempt.nextAttemptAt() == null ? now : utc(attempt.nextAttemptAt());
            reasons[i] = attempt.reason() == null ? "" : attempt.reason();
            templateMsgids[i] = attempt.templateMsgid();
        }
        return pool.withTransaction(connection -> connection.preparedQuery(RECORD)
                .execute(Tuple.from(new Object[] { ids, recorded, next, reasons, now, instance, templateMsgids }))
                .chain(rows -> {
                    Set<Long> ours = new HashSet<>();
                    rows.forEach(row -> ours.add(row.getLong(0)));
                    List<ContactOutcomes.Outcome> outcomes = new ArrayList<>();
                    for (Attempt attempt : attempts) {
                        OutboxMessage message = attempt.message();
                        if (!ours.contains(message.id())) {
                            LOG.warnf("Outbox message %d: lease lost before it was recorded %s", message.id(),
                                    attempt.recorded());
                            continue;
                        }
                        Counter.builder("gridcare.outbox.deliveries")
                                .description("Outbox messages handled, by what became of them")
                                .tag("channel", message.channelCode()).tag("outcome", attempt.recorded().tag)
                                .register(registry).increment();
                        // a message moved to the inbox is READ once the resident opens it: nothing to record for the
                        // inbox now
                        if (attempt.recorded() != Recorded.AWAITING_OUTCOME) {
                            outcomes.add(new ContactOutcomes.Outcome(message.id(), message.customerId(),
                                    message.channelCode(), attempt.recorded() == Recorded.SENT
                                            ? ContactOutcome.DELIVERED : ContactOutcome.FAILED));
                        }
                    }
                    return this.outcomes.recordAll(connection, outcomes, now);
                }))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "Outbox messages %s: results not recorded", List.of(ids));
                    return null;
                });
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
