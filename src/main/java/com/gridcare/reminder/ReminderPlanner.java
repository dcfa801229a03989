package com.gridcare.reminder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridcare.common.CopyRowWriter;
import com.gridcare.common.ProblemException;
import com.gridcare.common.TimeZoneConfig;
import com.gridcare.notify.AddressedMessage;
import com.gridcare.notify.NoticeTexts;
import com.gridcare.notify.OutboxBatch;
import com.gridcare.notify.QuietHours;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Decides, once a day and on demand, every bill reminder that is due: first it settles the reminders whose bill's
 * outcome became known and learns from them ({@link ReminderSettlement}), then, per bill and step, it asks the
 * recommender for the channel (or no contact) within the resident's choices, the weekly contact cap and the channels'
 * daily budgets, and writes each decision in one transaction: a contact to {@code reminder} with its outbox message,
 * no contact (most decisions) to the narrow {@code reminder_no_contact}. One instance plans at a time (a PostgreSQL
 * advisory lock); a bill's step is decided once (unique per bill and step in either table, and the outbox's
 * idempotency key {@code reminder:<bill>:<step>}), so planning again the same day adds nothing and draws nothing
 * again. JDBC on a worker thread: a batch over a whole day's bills, not a request.
 */
@ApplicationScoped
public class ReminderPlanner {

    private static final Logger LOG = Logger.getLogger(ReminderPlanner.class);

    /** "gridremd" in ASCII: the advisory lock only a planning run holds. */
    private static final long PLANNING_LOCK = 0x6772_6964_7265_6d64L;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final Duration CUSTOMER_SERVICE_WINDOW = Duration.ofHours(48);
    /** Older arrears were someone's work before gridcare planned them: they are not all visited on its first run. */
    private static final int ARREARS_WINDOW_DAYS = 30;

    /**
     * Open bills whose latest step fell due by today (within a month of arrears at most) and was not decided yet, with what reaching the customer
     * needs: the most recently bound resident, their WeChat follow, e-mail and choices for the step's topic, the usual
     * payment channel and the contacts of the last seven days. The bound residents and the latest payments are joined
     * as sets, not probed per bill: at full scale 1.8 M index probes of each were a third of the query (BENCHMARKS.md).
     */
    private static final String CANDIDATES = """
            with due as (
                select b.id as bill_id, b.customer_id, b.period, b.total_amount - b.paid_amount as open_amount,
                       b.due_date,
                       case when b.due_date + ? <= ? then 'ARREARS'
                            when b.due_date + ? <= ? then 'OVERDUE'
                            when b.due_date < ? then null
                            when b.due_date - ? <= ? then 'DUE_SOON'
                            when b.due_date - ? <= ? then 'EARLY' end as step
                  from bill b
                 where b.status <> 'PAID' and b.due_date <= ?::date + ? and b.due_date > ?::date - ?),
            recent as (
                select o.customer_id, count(*) as contacts from outbox_message o
                 where o.topic in ('BILL_REMINDER', 'ARREARS_NOTICE') and o.created_at > ?
                 group by o.customer_id)
            select d.*, c.account_no, c.voltage_class = 'HV' as hv, c.payment_mode = 'PREPAID' as prepaid,
                   c.opened_on, coalesce(r.mobile, c.mobile) as mobile, s.probability, s.tier,
                   r.id as resident_id, w.openid, w.last_interaction_at, e.email, p.enabled as topic_enabled,
                   p.preferred_channel, p.quiet_from, p.quiet_until, habit.code as habit_code, habit.kind as habit_kind,
                   habit.name as habit_name, coalesce(recent.contacts, 0) as recent_contacts
              from due d
              join customer c on c.id = d.customer_id and c.status = 'ACTIVE'
              left join risk_score s on s.customer_id = d.customer_id
              left join (select distinct on (ab.customer_id) ab.customer_id, ab.resident_id from account_binding ab
                          where ab.unbound_at is null
                          order by ab.customer_id, ab.bound_at desc) bound on bound.customer_id = d.customer_id
              left join resident r on r.id = bound.resident_id
              left join lateral (select wu.openid, wu.last_interaction_at from wechat_user wu
                                  where wu.resident_id = r.id and wu.subscribed
                                  order by wu.last_interaction_at desc nulls last limit 1) w on true
              left join contact_email e on e.resident_id = r.id
              left join contact_preference p on p.resident_id = r.id
                    and p.topic = case when d.step in ('EARLY', 'DUE_SOON') then 'BILL_REMINDER' else 'ARREARS_NOTICE' end
              left join recent on recent.customer_id = d.customer_id
              left join latest_payment lp on lp.customer_id = d.customer_id
              left join payment_channel habit on habit.code = lp.channel_code
             where d.step is not null
               and not exists (select 1 from reminder m where m.bill_id = d.bill_id and m.step = d.step)
               and not exists (select 1 from reminder_no_contact n where n.bill_id = d.bill_id and n.step = d.step)
             order by d.customer_id, d.due_date""";

    private static final String REMINDER_COLUMNS = "bill_id, customer_id, step, channel_code, planned_at, due_date, "
            + "bill_amount, value_on_time, risk_probability, risk_tier, expected, features, payment_offer";

    private static final String NO_CONTACT_COLUMNS = "bill_id, step, customer_id, planned_at, due_date, bill_amount, "
            + "value_on_time, risk_tier, best_channel, best_uplift_mean, best_uplift_drawn, best_cost, best_net_value, "
            + "features";

    /** Decimals kept of the features and expectations written: beyond what a {@code real} holds. */
    private static final int DECIMALS = 7;

    private static final String SENT_TODAY = """
            select channel_code, count(*) from outbox_message
             where topic in ('BILL_REMINDER', 'ARREARS_NOTICE') and created_at >= ? group by channel_code""";

    private final DataSource dataSource;
    private final ReminderSettings settings;
    private final ReminderSettlement settlement;
    private final OutboxBatch outbox;
    private final NoticeTexts texts;
    private final ObjectMapper json;
    private final Clock clock;
    private final TimeZoneConfig timeZone;
    private final RandomGenerator random = new Well19937c();

    public ReminderPlanner(DataSource dataSource, ReminderSettings settings, ReminderSettlement settlement,
            OutboxBatch outbox, NoticeTexts texts, ObjectMapper json, Clock clock, TimeZoneConfig timeZone) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.settlement = settlement;
        this.outbox = outbox;
        this.texts = texts;
        this.json = json;
        this.clock = clock;
        this.timeZone = timeZone;
    }

    @Scheduled(cron = "${gridcare.reminders.schedule}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return planNow().invoke(summary -> LOG.infof("Reminders planned: %s", summary))
                .onFailure(ProblemException.class).invoke(failure -> LOG.info(failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Settles, learns and plans today's reminders; 409 while another instance is planning. */
    public Uni<PlanSummary> planNow() {
        return Uni.createFrom().item(() -> {
            try {
                return plan();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private PlanSummary plan() throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, "select pg_try_advisory_lock(?)")) {
                throw new ProblemException(409, "planning-in-progress", "Conflict",
                        "Another instance is planning reminders; its plan will be in the outbox when it ends.");
            }
            try {
                connection.setAutoCommit(false);
                ZonedDateTime now = ZonedDateTime.now(clock.withZone(timeZone.timeZone()));
                ResponseModels models = LearnedState.loadModels(connection, json);
                int settled = settlement.settle(connection, models, now);
                PlanSummary summary = decide(connection, models, now, settled, started);
                LearnedState.saveModels(connection, models, json, now.toOffsetDateTime());
                connection.commit();
                return summary;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                lock(connection, "select pg_advisory_unlock(?)");
            }
        }
    }

    /** One bill's step as the planner found it, with the features the models read of it. */
    private record Candidate(long billId, long customerId, LocalDate period, BigDecimal openAmount, LocalDate dueDate,
            ReminderStep step, Customer customer, String riskTier, Long residentId, String mobile, String openid,
            String email, boolean refused, LocalTime quietFrom, LocalTime quietUntil, String habitName,
            int recentContacts, double[] features) {
    }

    private PlanSummary decide(Connection connection, ResponseModels models, ZonedDateTime now, int settled,
            long started) throws SQLException {
        long decideStarted = System.nanoTime();
        ReminderConfig config = settings.config();
        Channels channels = channels(connection);
        Map<String, Boolean> enabled = channels.enabled();
        double[] costs = channels.costs();
        var recommender = new ChannelRecommender(models, settings.recommender());
        Map<ContactOption, Integer> budgets = new EnumMap<>(settings.budgets());
        sentToday(connection, now).forEach((option, sent) -> budgets.computeIfPresent(option,
                (key, budget) -> Math.max(0, budget - sent)));
        String plannedAt = now.toOffsetDateTime().toString();
        BigDecimal valueRate = BigDecimal.valueOf(config.valueRate());

        // Each bill is decided as it streams in. A decision not to contact (four in five) is formatted at once, held as
        // COPY text until the cursor is closed, and forgotten; only the contenders for a channel are kept for the
        // budgets. Holding every candidate filled a 4 GB heap at full scale, and its collections cost 15-25 s.
        List<BudgetAllocator.Slot<Candidate>> contenders = new ArrayList<>();
        CopyRowWriter noContact = CopyRowWriter.held();
        int decided = 0;
        long weekCustomer = -1;
        int weekContacts = 0;
        try (LearnedState.EvidenceInOrder evidence = LearnedState.evidenceInOrder(connection);
                PreparedStatement select = candidates(connection, config, now);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ReminderStep step = ReminderStep.valueOf(row.getString("step"));
                String tier = row.getString("tier");
                if (step == ReminderStep.EARLY && !"HIGH".equals(tier)
                        || step == ReminderStep.OVERDUE && !("HIGH".equals(tier) || "MEDIUM".equals(tier))) {
                    continue;
                }
                Candidate candidate = candidate(row, step, tier, now, enabled);
                decided++;
                // the candidates come by customer: the weekly cap counts this customer's contacts planned so far
                if (candidate.customerId() != weekCustomer) {
                    weekCustomer = candidate.customerId();
                    weekContacts = 0;
                }
                double value = candidate.openAmount().doubleValue() * config.valueRate();
                Decision decision;
                if (candidate.refused() || weekContacts + candidate.recentContacts() >= config.weeklyContacts()) {
                    decision = new Decision(List.of(), List.of());
                } else if (candidate.step() == ReminderStep.ARREARS) {
                    decision = new Decision(List.of(ContactOption.STAFF_VISIT), List.of());
                } else {
                    decision = recommender.decide(candidate.customer(), candidate.features(),
                            evidence.of(candidate.customerId()), value, costs, random);
                }
                var slot = new BudgetAllocator.Slot<>(candidate, decision,
                        decision.expectations().isEmpty() ? value : decision.expectations().get(0).netValue());
                if (decision.worthIt().isEmpty()) {
                    noContactRow(noContact, slot, plannedAt, valueRate);
                } else {
                    contenders.add(slot);
                }
                if (decision.best() != null) {
                    weekContacts++;
                }
            }
        }
        long streamed = System.nanoTime();
        new BudgetAllocator(budgets).allocate(contenders);
        PlanSummary summary = write(connection, noContact, contenders, decided, now, settled, started);
        LOG.infof("Reminder plan: settled in %d ms, %d bills read and decided in %d ms, %d contenders allocated and "
                + "every decision written in %d ms", (decideStarted - started) / 1_000_000, decided,
                (streamed - decideStarted) / 1_000_000, contenders.size(), (System.nanoTime() - streamed) / 1_000_000);
        return summary;
    }

    /**
     * Writes the decisions: the contenders that got no channel join the no-contact rows, then the outbox messages and
     * the contacts go straight into their tables with COPY, each contact with its message's id. Nothing written can be
     * there already: the candidates left out every step decided in either table (and so every key of the outbox's
     * reminders, written with them), and the lock keeps any other planner out. The rows are written in the
     * candidates' order (customer, due date), which the allocator keeps, so the foreign-key checks and index
     * insertions walk bill, customer and the indexes in order, not at random: at full scale the random order spent
     * three minutes there (BENCHMARKS.md).
     */
    private PlanSummary write(Connection connection, CopyRowWriter noContact,
            List<BudgetAllocator.Slot<Candidate>> contenders, int decided, ZonedDateTime now, int settled,
            long started) throws SQLException {
        String plannedAt = now.toOffsetDateTime().toString();
        BigDecimal valueRate = BigDecimal.valueOf(settings.config().valueRate());
        List<BudgetAllocator.Slot<Candidate>> contacts = new ArrayList<>();
        for (var slot : contenders) {
            if (slot.assigned == null) {
                noContactRow(noContact, slot, plannedAt, valueRate);
            } else {
                contacts.add(slot);
            }
        }
        long noContactRows = noContact.copyHeld(connection, "reminder_no_contact", NO_CONTACT_COLUMNS);
        long[] messageIds = outbox.insertNew(connection, contacts.size(), contacts.stream()
                .map(slot -> message(slot.item, slot.assigned, paymentOffer(slot.item), now)).iterator());
        Map<String, Integer> byChannel = new TreeMap<>();
        try (CopyRowWriter copy = CopyRowWriter.open(connection, "reminder",
                REMINDER_COLUMNS + ", outbox_message_id", false)) {
            for (int i = 0; i < contacts.size(); i++) {
                var slot = contacts.get(i);
                ContactOption channel = slot.assigned;
                Candidate candidate = slot.item;
                Double probability = candidate.customer().riskProbability();
                copy.number(candidate.billId()).number(candidate.customerId()).text(candidate.step().name())
                        .text(channel.name()).text(plannedAt).date(candidate.dueDate())
                        .text(candidate.openAmount().toPlainString()).text(valueOnTime(candidate, valueRate))
                        .text(probability == null ? null : probability.toString()).text(candidate.riskTier())
                        .text(expected(slot.decision)).fixedArray(candidate.features(), DECIMALS)
                        .text(paymentOffer(candidate)).number(messageIds[i]).endRow();
                byChannel.merge(channel.name(), 1, Integer::sum);
            }
            copy.finish();
        }
        return new PlanSummary(now.toLocalDate(), settled, decided, byChannel, (int) noContactRows,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A decision not to contact, with the best channel's expectation that was not worth its cost (if any). */
    private static void noContactRow(CopyRowWriter copy, BudgetAllocator.Slot<Candidate> slot, String plannedAt,
            BigDecimal valueRate) throws SQLException {
        Candidate candidate = slot.item;
        copy.number(candidate.billId()).text(candidate.step().name()).number(candidate.customerId())
                .text(plannedAt).date(candidate.dueDate()).text(candidate.openAmount().toPlainString())
                .text(valueOnTime(candidate, valueRate)).text(candidate.riskTier());
        List<Expectation> expectations = slot.decision.expectations();
        if (expectations.isEmpty()) {
            copy.nullValue().nullValue().nullValue().nullValue().nullValue();
        } else {
            Expectation best = expectations.get(0);
            copy.text(best.channel().name()).fixed(best.upliftMean(), DECIMALS)
                    .fixed(best.upliftDrawn(), DECIMALS).fixed(best.cost(), DECIMALS)
                    .fixed(best.netValue(), DECIMALS);
        }
        copy.fixedArray(candidate.features(), DECIMALS).endRow();
    }

    /** The value of the bill being paid on time, as recorded with the decision. */
    private static String valueOnTime(Candidate candidate, BigDecimal valueRate) {
        return candidate.openAmount().multiply(valueRate).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Why this contact: every reachable channel's expectation, as staff see them on the profile. */
    private String expected(Decision decision) {
        ObjectNode why = json.createObjectNode();
        ArrayNode channels = why.putArray("channels");
        for (Expectation expectation : decision.expectations()) {
            channels.addObject().put("channel", expectation.channel().name())
                    .put("upliftMean", expectation.upliftMean()).put("upliftDrawn", expectation.upliftDrawn())
                    .put("cost", expectation.cost()).put("netValue", expectation.netValue());
        }
        return why.toString();
    }

    /**
     * A late payer who pays at a counter, an agent or by phone is offered a way that pays on time by itself: WeChat
     * Pay where they follow the account, else bank auto-debit.
     */
    private static String paymentOffer(Candidate candidate) {
        var habit = candidate.customer().habit();
        boolean manual = habit == PaymentHabit.COUNTER || habit == PaymentHabit.AGENT || habit == PaymentHabit.PHONE
                || habit == PaymentHabit.BANK;
        boolean late = candidate.step() != ReminderStep.DUE_SOON || "HIGH".equals(candidate.riskTier())
                || "MEDIUM".equals(candidate.riskTier());
        if (!manual || !late) {
            return null;
        }
        return candidate.openid() != null ? "WECHAT_PAY" : "AUTO_DEBIT_ICBC";
    }

    private AddressedMessage message(Candidate candidate, ContactOption channel, String offer, ZonedDateTime now) {
        String how = offer != null ? texts.text("reminder.pay.OFFER", offer.equals("WECHAT_PAY") ? "微信支付" : "银行代扣")
                : candidate.habitName() == null ? "" : texts.text("reminder.pay.USUAL", candidate.habitName());
        String key = "reminder." + candidate.step().name();
        String text = texts.text(key, candidate.customer().accountNo(), MONTH.format(candidate.period()),
                candidate.openAmount().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                DAY.format(candidate.dueDate()), how);
        String recipient = switch (channel) {
            case WECHAT_TEMPLATE, WECHAT_CUSTOMER_SERVICE -> candidate.openid();
            case APP_PUSH -> "resident:" + candidate.residentId();
            case SMS, VOICE_CALL -> candidate.mobile();
            case EMAIL -> candidate.email();
            case AGENT_CALL, STAFF_VISIT -> "customer:" + candidate.customerId();
        };
        ZonedDateTime due = candidate.quietFrom() == null ? now
                : new QuietHours(candidate.quietFrom(), candidate.quietUntil()).release(now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountNo", candidate.customer().accountNo());
        data.put("period", candidate.period().toString());
        data.put("amount", candidate.openAmount().toPlainString());
        data.put("dueDate", candidate.dueDate().toString());
        if (offer != null) {
            data.put("paymentOffer", offer);
        }
        return new AddressedMessage("reminder:" + candidate.billId() + ":" + candidate.step().name(), channel.name(),
                candidate.step().topic, candidate.customerId(), candidate.residentId(), recipient,
                texts.title(key), text, data, due.toOffsetDateTime());
    }

    /** The candidate query with today's parameters, read in batches (a whole population's bills). */
    private static PreparedStatement candidates(Connection connection, ReminderConfig config, ZonedDateTime now)
            throws SQLException {
        LocalDate today = now.toLocalDate();
        PreparedStatement select = connection.prepareStatement(CANDIDATES);
        int i = 1;
        select.setInt(i++, config.arrearsDays());
        select.setObject(i++, today);
        select.setInt(i++, config.overdueDays());
        select.setObject(i++, today);
        select.setObject(i++, today);
        select.setInt(i++, config.dueSoonDays());
        select.setObject(i++, today);
        select.setInt(i++, config.earlyDays());
        select.setObject(i++, today);
        select.setObject(i++, today);
        select.setInt(i++, config.earlyDays());
        select.setObject(i++, today);
        select.setInt(i++, config.arrearsDays() + ARREARS_WINDOW_DAYS);
        select.setObject(i, now.minusDays(7).toOffsetDateTime());
        select.setFetchSize(5_000);
        return select;
    }

    private static Candidate candidate(ResultSet row, ReminderStep step, String tier, ZonedDateTime now,
            Map<String, Boolean> enabled) throws SQLException {
        Long residentId = row.getObject("resident_id", Long.class);
        String mobile = row.getString("mobile");
        String openid = row.getString("openid");
        String email = row.getString("email");
        OffsetDateTime lastInteraction = row.getObject("last_interaction_at", OffsetDateTime.class);
        EnumSet<ContactOption> reachable = EnumSet.of(ContactOption.STAFF_VISIT);
        if (openid != null) {
            reachable.add(ContactOption.WECHAT_TEMPLATE);
            if (lastInteraction != null && lastInteraction.isAfter(now.toOffsetDateTime()
                    .minus(CUSTOMER_SERVICE_WINDOW))) {
                reachable.add(ContactOption.WECHAT_CUSTOMER_SERVICE);
            }
        }
        if (residentId != null) {
            reachable.add(ContactOption.APP_PUSH);
        }
        if (mobile != null) {
            reachable.addAll(List.of(ContactOption.SMS, ContactOption.VOICE_CALL, ContactOption.AGENT_CALL));
        }
        if (email != null) {
            reachable.add(ContactOption.EMAIL);
        }
        reachable.removeIf(option -> !enabled.getOrDefault(option.name(), false));
        ContactOption override = row.getString("preferred_channel") == null ? null
                : ContactOption.of(row.getString("preferred_channel")).orElse(null);
        LocalDate openedOn = row.getObject("opened_on", LocalDate.class);
        var customer = new Customer(row.getLong("customer_id"), row.getString("account_no"), row.getBoolean("hv"),
                row.getBoolean("prepaid"), PaymentHabit.of(row.getString("habit_code"), row.getString("habit_kind")),
                ChronoUnit.DAYS.between(openedOn, now.toLocalDate()) / 365.25,
                row.getObject("probability", Double.class), reachable, override);
        Boolean topicEnabled = row.getObject("topic_enabled", Boolean.class);
        BigDecimal openAmount = row.getBigDecimal("open_amount");
        return new Candidate(row.getLong("bill_id"), row.getLong("customer_id"),
                row.getObject("period", LocalDate.class), openAmount,
                row.getObject("due_date", LocalDate.class), step, customer, tier, residentId, mobile, openid, email,
                Boolean.FALSE.equals(topicEnabled), row.getObject("quiet_from", LocalTime.class),
                row.getObject("quiet_until", LocalTime.class), row.getString("habit_name"),
                row.getInt("recent_contacts"), Features.of(customer, openAmount.doubleValue()));
    }

    /** The channels as an administrator set them: each one's unit cost, and the codes switched on. */
    private record Channels(double[] costs, Map<String, Boolean> enabled) {
    }

    private static Channels channels(Connection connection) throws SQLException {
        double[] costs = new double[ContactOption.count()];
        Map<String, Boolean> enabled = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select code, unit_cost, enabled from contact_channel"); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                double cost = row.getDouble(2);
                ContactOption.of(row.getString(1)).ifPresent(option -> costs[option.ordinal()] = cost);
                enabled.put(row.getString(1), row.getBoolean(3));
            }
        }
        return new Channels(costs, enabled);
    }

    private static Map<ContactOption, Integer> sentToday(Connection connection, ZonedDateTime now) throws SQLException {
        Map<ContactOption, Integer> sent = new EnumMap<>(ContactOption.class);
        try (PreparedStatement select = connection.prepareStatement(SENT_TODAY)) {
            select.setObject(1, now.truncatedTo(ChronoUnit.DAYS).toOffsetDateTime());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int count = row.getInt(2);
                    ContactOption.of(row.getString(1)).ifPresent(option -> sent.put(option, count));
                }
            }
        }
        return sent;
    }

    private static boolean lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, PLANNING_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
