package com.gridcare.outagenotice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;

import com.gridcare.common.TimeZoneConfig;
import com.gridcare.notify.AddressedMessage;
import com.gridcare.notify.NoticeRoute;
import com.gridcare.notify.NoticeTexts;
import com.gridcare.notify.OutboxBatch;
import com.gridcare.notify.OutboxDispatcher;
import com.gridcare.notify.QuietHours;
import com.gridcare.notify.Topic;
import com.gridcare.outage.OutageChanged;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Tells an outage's customers about it, each notice once per customer. Runs on every {@link OutageChanged} and every
 * {@code gridcare.outage-notices.interval}, and decides from the rows as they are then (the outage, its scope and
 * restorations, the rounds already written), so a late, repeated or lost event is harmless: the catch-up run sends
 * what came due (a planned outage's notices ahead and the day before) and what an instance stopped in the middle of.
 * A round is written in transactions of {@code commit-every} customers, each with their outbox messages (under the key
 * {@code outage:<id>:<notice>[:<round>]:<customer>}, unique in the outbox) and, for an announcement, their being told;
 * the round's row comes with the last, so the outbox sends the first customers' notices while the rest are written, and
 * a round cut short is due again and reaches only those it did not. One instance at a time (a PostgreSQL advisory
 * lock), so a republish during a fan-out waits for it and then reaches only the customers it did not. JDBC: blocking,
 * on the async observers' and the scheduler's worker threads, never on an event loop.
 */
@ApplicationScoped
public class OutageNotices {

    private static final Logger LOG = Logger.getLogger(OutageNotices.class);

    /** "gridoutn" in ASCII: held by the one fan-out running. */
    private static final long FAN_OUT_LOCK = 0x6772_6964_6f75_746eL;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    /** Where the account number goes in a notice's text: a character no text or account number contains. */
    private static final String ACCOUNT = "\u0000";
    /** Restored or cancelled outages are looked at this long after their last change, should the event be lost. */
    private static final Duration CATCH_UP_WINDOW = Duration.ofDays(1);

    private static final String OUTAGE = """
            select kind, status, version, starts_at, estimated_restore_at, restored_at from outage where id = ?""";

    private static final String ROUNDS = """
            select notice, round, estimate_told, starts_told, written_at, outage_version
              from outage_notice_round where outage_id = ?""";

    /** Transformer areas with power back whose customers were not told yet. */
    private static final String AREAS_RESTORED = """
            select r.transformer_area_id from outage_area_restoration r
             where r.outage_id = ? and not exists (
                   select 1 from outage_notice_round n
                    where n.outage_id = r.outage_id and n.notice = 'AREA_RESTORED' and n.round = r.transformer_area_id)
             order by r.restored_at, r.transformer_area_id""";

    private static final String CATCH_UP = """
            select id from outage
             where status = 'PUBLISHED' or (status in ('RESTORED', 'CANCELLED', 'CLOSED') and updated_at > ?)
             order by id""";

    /**
     * Who a notice goes to: {@code %s} is the audience's customer ids, {@code ?} after it the key prefix; a customer
     * whose message is in the outbox already is not read again. How to reach them, as the reminder planner does: the
     * most recently bound resident, their WeChat follow, e-mail and choices for the topic, else the account's mobile.
     * The audience is materialised first: as {@code c.id in (...)} PostgreSQL guessed it at a fifth of its size and
     * read all 1.77 million customers to join 50,000 (1.4 s of a full-scale fan-out; BENCHMARKS.md).
     */
    private static final String RECIPIENTS = """
            with audience (id) as materialized (%s)
            select c.id, c.account_no, coalesce(r.mobile, c.mobile) as mobile, r.id as resident_id, w.openid, e.email,
                   p.enabled, p.preferred_channel, p.quiet_from, p.quiet_until
              from audience a
              join customer c on c.id = a.id
              left join lateral (select ab.resident_id from account_binding ab
                                  where ab.customer_id = c.id and ab.unbound_at is null
                                  order by ab.bound_at desc limit 1) bound on true
              left join resident r on r.id = bound.resident_id
              left join lateral (select wu.openid from wechat_user wu
                                  where wu.resident_id = r.id and wu.subscribed
                                  order by wu.last_interaction_at desc nulls last limit 1) w on true
              left join contact_email e on e.resident_id = r.id
              left join contact_preference p on p.resident_id = r.id and p.topic = 'OUTAGE_NOTICE'
             where c.status = 'ACTIVE'
               and not exists (select 1 from outbox_message o where o.idempotency_key = ? || c.id)
             order by c.id""";

    private static final String MARK_TOLD = """
            insert into outage_notified_customer (outage_id, customer_id) select ?, unnest(?::bigint[])
            on conflict do nothing""";

    private static final String RECORD_ROUND = """
            insert into outage_notice_round (outage_id, notice, round, estimate_told, written_at, outage_version,
                                             messages, starts_told)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (outage_id, notice, round) do update
               set messages = outage_notice_round.messages + excluded.messages,
                   outage_version = greatest(outage_notice_round.outage_version, excluded.outage_version)""";

    private final DataSource dataSource;
    private final OutboxBatch outbox;
    private final OutboxDispatcher dispatcher;
    private final NoticeTexts texts;
    private final Clock clock;
    private final TimeZoneConfig timeZone;
    private final OutageNoticeConfig config;
    /** Outages with a fan-out waiting for the lock on this instance: a further change joins it instead of queueing. */
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

    public OutageNotices(DataSource dataSource, OutboxBatch outbox, OutboxDispatcher dispatcher, NoticeTexts texts,
            Clock clock, TimeZoneConfig timeZone, OutageNoticeConfig config) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.texts = texts;
        this.clock = clock;
        this.timeZone = timeZone;
        this.config = config;
    }

    /**
     * After a change committed. Async observers run on worker threads, where this blocks (JDBC, the lock). A failure is
     * logged: the catch-up run sends what this did not.
     */
    void changed(@ObservesAsync OutageChanged change) {
        boolean announceAgain = change.change() == OutageChanged.Change.PUBLISHED
                || change.change() == OutageChanged.Change.EDITED;
        if (!waiting.add(change.outageId())) {
            return;
        }
        try {
            long written = sendFor(change.outageId(), announceAgain);
            LOG.infof("Outage %d %s: %d notices written", change.outageId(), change.change(), written);
        } catch (SQLException | RuntimeException e) {
            waiting.remove(change.outageId());
            LOG.warnf(e, "Outage %d %s: notices left to the catch-up run", change.outageId(), change.change());
        }
    }

    @Scheduled(every = "${gridcare.outage-notices.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Uni.createFrom().item(() -> {
            try {
                return catchUp();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(written -> {
                    if (written > 0) {
                        LOG.infof("Outage notices caught up: %d written", written);
                    }
                })
                .onFailure().invoke(failure -> LOG.warn("Outage notices' catch-up run failed", failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Everything due for one outage, waiting up to {@code lock-wait} for a fan-out running elsewhere; with
     * {@code announceAgain} (published again, edited) its announcements also reach customers its scope gained.
     * Returns the messages written.
     */
    public long sendFor(long outageId, boolean announceAgain) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement wait = connection.prepareStatement("select set_config('lock_timeout', ?, false)")) {
                wait.setString(1, config.lockWait().toMillis() + "ms");
                wait.execute();
            }
            lock(connection, "select pg_advisory_lock(?)");
            waiting.remove(outageId);
            try (Statement reset = connection.createStatement()) {
                reset.execute("reset lock_timeout");
                return send(connection, outageId, announceAgain);
            } finally {
                lock(connection, "select pg_advisory_unlock(?)");
            }
        }
    }

    /** What came due for every outage that may need a notice; nothing when another instance is sending. */
    public long catchUp() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, "select pg_try_advisory_lock(?)")) {
                return 0;
            }
            try {
                List<Long> outages = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(CATCH_UP)) {
                    select.setObject(1, OffsetDateTime.now(clock).minus(CATCH_UP_WINDOW));
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            outages.add(row.getLong(1));
                        }
                    }
                }
                long written = 0;
                for (long outageId : outages) {
                    written += send(connection, outageId, false);
                }
                return written;
            } finally {
                lock(connection, "select pg_advisory_unlock(?)");
            }
        }
    }

    /** The outage as a notice needs it; times in the utility's zone. */
    private record Outage(long id, boolean planned, String status, int version, ZonedDateTime startsAt,
            ZonedDateTime estimatedRestoreAt, ZonedDateTime restoredAt) {

        /** Started and not over: its customers are without power now, so quiet hours do not hold its news back. */
        boolean happeningAt(ZonedDateTime now) {
            return !startsAt.isAfter(now) && restoredAt == null
                    && (!planned || estimatedRestoreAt == null || estimatedRestoreAt.isAfter(now));
        }

        boolean overAt(ZonedDateTime now) {
            return restoredAt != null || planned && estimatedRestoreAt != null && !estimatedRestoreAt.isAfter(now);
        }
    }

    /** Later in the order planned outages' notices go out: the announcement, the reminder, the moves. */
    private static final Comparator<Round> WINDOW_TOLD = Comparator.comparing((Round round) -> switch (round.notice()) {
        case AHEAD -> 0;
        case DAY_BEFORE -> 1;
        default -> 2;
    }).thenComparingInt(Round::round);

    /** A round written before; {@code startsTold} for a planned outage's window, null in rounds before V26. */
    private record Round(Notice notice, int round, Instant estimateTold, Instant startsTold, Instant writtenAt,
            int outageVersion) {

        /** The window told differs from the outage's now. */
        boolean windowMoved(Outage outage) {
            return startsTold != null && (!startsTold.equals(outage.startsAt().toInstant())
                    || !Objects.equals(estimateTold, outage.estimatedRestoreAt() == null ? null
                            : outage.estimatedRestoreAt().toInstant()));
        }
    }

    /** A round to write now; {@code area} for TOLD_IN_AREA. */
    private record Due(Notice notice, int round, Audience audience, Integer area) {
    }

    /** Whom a round goes to: the outage's id, and the area's, are its parameters. */
    private enum Audience {
        /** Customers on a covered feeder or in a covered transformer area (as {@code outage.OutageService} reads it). */
        AFFECTED("""
                select id from customer where feeder_id in (select feeder_id from outage_scope where outage_id = ?)
                union select id from customer
                 where transformer_area_id in (select transformer_area_id from outage_scope where outage_id = ?)"""),
        TOLD("select customer_id from outage_notified_customer where outage_id = ?"),
        TOLD_IN_AREA("""
                select n.customer_id from outage_notified_customer n join customer a on a.id = n.customer_id
                 where n.outage_id = ? and a.transformer_area_id = ?""");

        final String sql;

        Audience(String sql) {
            this.sql = sql;
        }
    }

    private long send(Connection connection, long outageId, boolean announceAgain) throws SQLException {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(timeZone.timeZone()));
        Outage outage = outage(connection, outageId);
        if (outage == null) {
            return 0;
        }
        List<Round> rounds = rounds(connection, outageId);
        long written = 0;
        for (Due due : due(outage, rounds, areasRestored(connection, outage), now, announceAgain)) {
            written += write(connection, outage, due, now);
        }
        return written;
    }

    /**
     * The rounds due, in the order they are written: an estimate update to those told before the announcement reaches
     * customers the scope gained (they hear the new estimate in it).
     */
    private List<Due> due(Outage outage, List<Round> rounds, List<Integer> areasRestored, ZonedDateTime now,
            boolean changed) {
        List<Due> due = new ArrayList<>();
        Map<Notice, Round> first = new HashMap<>();
        Round lastEstimate = null;
        Round lastWindow = null;
        int lastRescheduled = 0;
        // published again or edited: by the event, or (the event lost) an announcement ran on an older version
        boolean announceAgain = changed || rounds.stream()
                .anyMatch(round -> round.notice().announces && round.outageVersion() < outage.version());
        for (Round round : rounds) {
            first.putIfAbsent(round.notice(), round);
            if ((round.notice() == Notice.KNOWN || round.notice() == Notice.ESTIMATE)
                    && (lastEstimate == null || round.round() > lastEstimate.round())) {
                lastEstimate = round;
            }
            // the window told last: each move's round tells the window then, and a reminder after it the same one
            if (round.notice().tellsWindow() && (lastWindow == null || WINDOW_TOLD.compare(round, lastWindow) > 0)) {
                lastWindow = round;
            }
            if (round.notice() == Notice.RESCHEDULED) {
                lastRescheduled = Math.max(lastRescheduled, round.round());
            }
        }
        switch (outage.status()) {
            case "PUBLISHED" -> {
                if (outage.planned() && !outage.overAt(now)) {
                    // those told hear of the new window before customers the scope gained hear of the outage
                    if (lastWindow != null && lastWindow.windowMoved(outage)) {
                        due.add(new Due(Notice.RESCHEDULED, lastRescheduled + 1, Audience.TOLD, null));
                    }
                    ZonedDateTime aheadAt = outage.startsAt().minus(config.ahead());
                    ZonedDateTime reminderAt = outage.startsAt().minus(config.reminderBefore());
                    Round ahead = first.get(Notice.AHEAD);
                    boolean aheadDue = !now.isBefore(aheadAt);
                    if (aheadDue && (ahead == null || announceAgain)) {
                        due.add(new Due(Notice.AHEAD, 0, Audience.AFFECTED, null));
                    }
                    // the reminder only for an outage announced before its day: announced later, they just heard
                    Instant announced = ahead != null ? ahead.writtenAt() : aheadDue ? now.toInstant() : null;
                    boolean reminderDue = !now.isBefore(reminderAt) && now.isBefore(outage.startsAt())
                            && announced != null && announced.isBefore(reminderAt.toInstant());
                    if (reminderDue && (!first.containsKey(Notice.DAY_BEFORE) || announceAgain)) {
                        due.add(new Due(Notice.DAY_BEFORE, 0, Audience.AFFECTED, null));
                    }
                } else if (!outage.planned()) {
                    if (lastEstimate != null && moved(lastEstimate.estimateTold(), outage.estimatedRestoreAt())) {
                        due.add(new Due(Notice.ESTIMATE, lastEstimate.round() + 1, Audience.TOLD, null));
                    }
                    if (lastEstimate == null || announceAgain) {
                        due.add(new Due(Notice.KNOWN, 0, Audience.AFFECTED, null));
                    }
                }
                areasRestored.forEach(area -> due.add(new Due(Notice.AREA_RESTORED, area, Audience.TOLD_IN_AREA, area)));
            }
            case "RESTORED", "CLOSED" -> {
                if (outage.restoredAt() != null && !first.containsKey(Notice.RESTORED)) {
                    due.add(new Due(Notice.RESTORED, 0, Audience.TOLD, null));
                }
            }
            case "CANCELLED" -> {
                if (!first.containsKey(Notice.CANCELLED)) {
                    due.add(new Due(Notice.CANCELLED, 0, Audience.TOLD, null));
                }
            }
            default -> {
                // drafts, suspected and dismissed outages are nobody's news
            }
        }
        return due;
    }

    /** Whether an estimate differs enough from the one told to tell again (an estimate first known counts). */
    private boolean moved(Instant told, ZonedDateTime estimate) {
        if (estimate == null) {
            return false;
        }
        return told == null || Duration.between(told, estimate.toInstant()).abs().compareTo(config.estimateStep()) >= 0;
    }

    /** One customer's way to be reached, or none. */
    private record Recipient(long customerId, String accountNo, Long residentId, String channel, String address,
            LocalTime quietFrom, LocalTime quietUntil) {
    }

    /** Writes a round, {@code commit-every} customers to a transaction; returns the messages written. */
    private long write(Connection connection, Outage outage, Due due, ZonedDateTime now) throws SQLException {
        long started = System.nanoTime();
        String keyPrefix = "outage:" + outage.id() + ":" + due.notice().message + ":"
                + (due.notice().perMove ? due.round() + ":" : "");
        connection.setAutoCommit(false);
        try {
            try (Statement noJit = connection.createStatement()) {
                // compiling the recipients' plan took 0.2 s of a fan-out and saves nothing on index lookups
                noJit.execute("set local jit = off");
            }
            List<Recipient> recipients = recipients(connection, outage.id(), due, keyPrefix,
                    disabledChannels(connection));
            long read = System.nanoTime();
            Messages messages = new Messages(outage, due, keyPrefix, now);
            long written = 0;
            int from = 0;
            do {
                List<Recipient> chunk = recipients.subList(from,
                        Math.min(recipients.size(), from + config.commitEvery()));
                from += chunk.size();
                if (!chunk.isEmpty()) {
                    written += outbox.enqueue(connection, chunk.stream().map(messages::to).iterator());
                    if (due.notice().announces) {
                        markTold(connection, outage, chunk);
                    }
                }
                if (from == recipients.size()) {
                    recordRound(connection, outage, due, now, written);
                }
                connection.commit();
                if (!chunk.isEmpty()) {
                    dispatcher.wake();
                }
            } while (from < recipients.size());
            LOG.infof("Outage %d %s %d: %d of %d recipients written in %d ms (read %d ms)", outage.id(),
                    due.notice(), due.round(), written, recipients.size(), (System.nanoTime() - started) / 1_000_000,
                    (read - started) / 1_000_000);
            return written;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** A round's message to each recipient: the text formatted once, the account number put in per customer. */
    private final class Messages {

        private final Outage outage;
        private final Due due;
        private final String keyPrefix;
        private final ZonedDateTime now;
        private final boolean quietHoursWaived;
        private final String title;
        private final String text;

        Messages(Outage outage, Due due, String keyPrefix, ZonedDateTime now) {
            this.outage = outage;
            this.due = due;
            this.keyPrefix = keyPrefix;
            this.now = now;
            this.quietHoursWaived = (due.notice().announces || due.notice() == Notice.ESTIMATE)
                    && outage.happeningAt(now);
            this.title = texts.title("outage." + due.notice().message);
            String estimate = outage.estimatedRestoreAt() == null ? texts.text("outage.estimate.UNKNOWN")
                    : WHEN.format(outage.estimatedRestoreAt());
            this.text = texts.text("outage." + due.notice().message, ACCOUNT, WHEN.format(outage.startsAt()),
                    estimate);
        }

        AddressedMessage to(Recipient recipient) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("outageId", outage.id());
            data.put("notice", due.notice().message);
            if (due.notice().perMove) {
                data.put("round", due.round());
            }
            data.put("accountNo", recipient.accountNo());
            data.put("startsAt", outage.startsAt().toOffsetDateTime().toString());
            if (outage.estimatedRestoreAt() != null) {
                data.put("estimatedRestoreAt", outage.estimatedRestoreAt().toOffsetDateTime().toString());
            }
            ZonedDateTime notBefore = quietHoursWaived || recipient.quietFrom() == null ? now
                    : new QuietHours(recipient.quietFrom(), recipient.quietUntil()).release(now);
            return new AddressedMessage(keyPrefix + recipient.customerId(), recipient.channel(), Topic.OUTAGE_NOTICE,
                    recipient.customerId(), recipient.residentId(), recipient.address(), title,
                    text.replace(ACCOUNT, recipient.accountNo()), data, notBefore.toOffsetDateTime());
        }
    }

    private static void markTold(Connection connection, Outage outage, List<Recipient> recipients)
            throws SQLException {
        try (PreparedStatement told = connection.prepareStatement(MARK_TOLD)) {
            told.setLong(1, outage.id());
            told.setArray(2, connection.createArrayOf("bigint",
                    recipients.stream().map(Recipient::customerId).toArray(Long[]::new)));
            told.executeUpdate();
        }
    }

    private static void recordRound(Connection connection, Outage outage, Due due, ZonedDateTime now, long written)
            throws SQLException {
        try (PreparedStatement round = connection.prepareStatement(RECORD_ROUND)) {
            round.setLong(1, outage.id());
            round.setString(2, due.notice().name());
            round.setInt(3, due.round());
            boolean tellsEnd = due.notice() == Notice.KNOWN || due.notice() == Notice.ESTIMATE
                    || due.notice().tellsWindow();
            round.setObject(4, tellsEnd && outage.estimatedRestoreAt() != null
                    ? outage.estimatedRestoreAt().toOffsetDateTime() : null);
            round.setObject(5, now.toOffsetDateTime());
            round.setInt(6, outage.version());
            round.setLong(7, written);
            round.setObject(8, due.notice().tellsWindow() ? outage.startsAt().toOffsetDateTime() : null);
            round.executeUpdate();
        }
    }

    private List<Recipient> recipients(Connection connection, long outageId, Due due, String keyPrefix,
            Set<String> disabled) throws SQLException {
        List<Recipient> recipients = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(RECIPIENTS.formatted(due.audience().sql))) {
            int i = 1;
            select.setLong(i++, outageId);
            if (due.audience() == Audience.AFFECTED) {
                select.setLong(i++, outageId);
            } else if (due.audience() == Audience.TOLD_IN_AREA) {
                select.setInt(i++, due.area());
            }
            select.setString(i, keyPrefix);
            select.setFetchSize(5_000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Recipient recipient = recipient(row, disabled);
                    if (recipient != null) {
                        recipients.add(recipient);
                    }
                }
            }
        }
        return recipients;
    }

    /**
     * Without a resident, the account's mobile by SMS; a resident who refused the topic, none; else the channel every
     * notice takes ({@link NoticeRoute}).
     */
    private static Recipient recipient(ResultSet row, Set<String> disabled) throws SQLException {
        long customerId = row.getLong("id");
        String accountNo = row.getString("account_no");
        String mobile = row.getString("mobile");
        Long residentId = row.getObject("resident_id", Long.class);
        if (residentId == null) {
            return mobile == null || disabled.contains("SMS") ? null
                    : new Recipient(customerId, accountNo, null, "SMS", mobile, null, null);
        }
        if (Boolean.FALSE.equals(row.getObject("enabled", Boolean.class))) {
            return null;
        }
        NoticeRoute route = NoticeRoute.of(new NoticeRoute.Reach(residentId, mobile, row.getString("openid"),
                row.getString("email"), row.getString("preferred_channel")), Topic.OUTAGE_NOTICE, disabled);
        return new Recipient(customerId, accountNo, residentId, route.channelCode(), route.recipient(),
                row.getObject("quiet_from", LocalTime.class), row.getObject("quiet_until", LocalTime.class));
    }

    private static Set<String> disabledChannels(Connection connection) throws SQLException {
        Set<String> disabled = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select code from contact_channel where not enabled"); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                disabled.add(row.getString(1));
            }
        }
        return disabled;
    }

    private Outage outage(Connection connection, long outageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OUTAGE)) {
            select.setLong(1, outageId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Outage(outageId, "PLANNED".equals(row.getString("kind")), row.getString("status"),
                        row.getInt("version"), zoned(row, "starts_at"), zoned(row, "estimated_restore_at"), zoned(row, "restored_at"));
            }
        }
    }

    private ZonedDateTime zoned(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(timeZone.timeZone());
    }

    private static List<Round> rounds(Connection connection, long outageId) throws SQLException {
        List<Round> rounds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(ROUNDS)) {
            select.setLong(1, outageId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    OffsetDateTime told = row.getObject("estimate_told", OffsetDateTime.class);
                    OffsetDateTime startsTold = row.getObject("starts_told", OffsetDateTime.class);
                    rounds.add(new Round(Notice.valueOf(row.getString("notice")), row.getInt("round"),
                            told == null ? null : told.toInstant(), startsTold == null ? null : startsTold.toInstant(),
                            row.getObject("written_at", OffsetDateTime.class).toInstant(),
                            row.getInt("outage_version")));
                }
            }
        }
        return rounds;
    }

    private static List<Integer> areasRestored(Connection connection, Outage outage) throws SQLException {
        List<Integer> areas = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(AREAS_RESTORED)) {
            select.setLong(1, outage.id());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    areas.add(row.getInt(1));
                }
            }
        }
        return areas;
    }

    /** Runs {@code sql} on the fan-out's lock; a boolean answer (a try, an unlock) is returned, else true. */
    private static boolean lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, FAN_OUT_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return !result.next() || !(result.getObject(1) instanceof Boolean held) || held;
            }
        }
    }
}
