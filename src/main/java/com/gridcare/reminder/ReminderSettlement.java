package com.gridcare.reminder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.CopyRowWriter;
import com.gridcare.notify.OutboxBatch;

/**
 * Closes the reminders whose bill's outcome is known and feeds it to the recommender: the contacts ({@code reminder})
 * and the no-contact decisions ({@code reminder_no_contact}) alike. A bill's reminders before its due date settle once it is paid or the due date has passed: paid by the due date or not is what the recommender learns,
 * crediting the contacts that really went out (their outbox message SENT on the planned channel, or on the app inbox
 * it fell back to; a message never sent is no contact). Reminders after the due date settle when the bill is paid or a
 * month after they were planned; they are outcomes for staff and the summary, not evidence for on-time payment. Every
 * contact of a paid bill gets a PAID outcome: the channel prompted it.
 */
@ApplicationScoped
class ReminderSettlement {

    /** $1 today (local date), $2 a month ago; a bill's decisions in the order they were taken. */
    private static final String UNSETTLED = """
            select m.bill_id, m.step, m.customer_id, m.due_date, m.features, o.id as outbox_id,
                   o.status as outbox_status, o.channel_code as sent_channel, b.status as bill_status, b.settled_at
              from (select bill_id, step, customer_id, due_date, planned_at, features, outbox_message_id
                      from reminder where outcome is null
                    union all
                    select bill_id, step, customer_id, due_date, planned_at, features, null
                      from reminder_no_contact where outcome is null) m
              join bill b on b.id = m.bill_id
              left join outbox_message o on o.id = m.outbox_message_id
             where b.status = 'PAID'
                or (m.step in ('EARLY', 'DUE_SOON') and m.due_date < ?)
                or m.planned_at < ?
             order by m.bill_id, m.planned_at""";

    /**
     * The outcomes are streamed with COPY into a temporary table (dropped with the transaction) and set from there: a
     * day's no-contact decisions are millions of rows. A bill's step is in one of the two tables.
     */
    private static final String STAGE_OUTCOMES = "create temp table settled_reminder "
            + "(bill_id bigint, step varchar(10), outcome varchar(14)) on commit drop";

    private static final String SETTLE = "update %s m set outcome = s.outcome, settled_at = ? "
            + "from settled_reminder s where m.bill_id = s.bill_id and m.step = s.step";

    private final OutboxBatch outbox;
    private final ReminderSettings settings;

    ReminderSettlement(OutboxBatch outbox, ReminderSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    private record Unsettled(long billId, long customerId, ReminderStep step, java.time.LocalDate dueDate,
            double[] features, Long outboxId, ContactOption sent, boolean paid, OffsetDateTime settledAt) {

        boolean contacted() {
            return sent != null;
        }

        String outcome() {
            if (!paid) {
                return "UNPAID";
            }
            return settledAt.toLocalDate().isAfter(dueDate) ? "PAID_LATE" : "PAID_ON_TIME";
        }
    }

    /** Settles what can be on the planner's connection and transaction, learning into {@code models}; how many. */
    int settle(Connection connection, ResponseModels models, ZonedDateTime now) throws SQLException {
        Map<Long, List<Unsettled>> byBill = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(UNSETTLED)) {
            select.setObject(1, now.toLocalDate());
            select.setObject(2, now.minusDays(30).toOffsetDateTime());
            select.setFetchSize(5_000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Unsettled reminder = unsettled(row);
                    byBill.computeIfAbsent(reminder.billId(), bill -> new ArrayList<>()).add(reminder);
                }
            }
        }
        if (byBill.isEmpty()) {
            return 0;
        }
        var evidence = LearnedState.loadEvidence(connection,
                byBill.values().stream().map(reminders -> reminders.get(0).customerId()).distinct().toList());
        // the prior weights decide how a payment is split between the contacts and paying anyway: the same as deciding
        var recommender = new ChannelRecommender(models, settings.recommender());
        OffsetDateTime at = now.toOffsetDateTime();
        List<Long> paidContacts = new ArrayList<>();
        int settled = 0;
        try (Statement stage = connection.createStatement()) {
            stage.execute(STAGE_OUTCOMES);
        }
        try (CopyRowWriter copy = CopyRowWriter.open(connection, "settled_reminder", "bill_id, step, outcome", false)) {
            for (List<Unsettled> reminders : byBill.values()) {
                List<Unsettled> beforeDue = reminders.stream().filter(reminder -> reminder.step().beforeDue()).toList();
                if (!beforeDue.isEmpty()) {
                    Unsettled first = beforeDue.get(0);
                    boolean onTime = "PAID_ON_TIME".equals(first.outcome());
                    List<ContactOption> contacts = beforeDue.stream().filter(Unsettled::contacted)
                            .map(Unsettled::sent).toList();
                    if (first.features() != null) {
                        recommender.learn(first.features(), evidence.get(first.customerId()), contacts, onTime);
                    }
                }
                for (Unsettled reminder : reminders) {
                    copy.number(reminder.billId()).text(reminder.step().name()).text(reminder.outcome()).endRow();
                    if (reminder.paid() && reminder.contacted()) {
                        paidContacts.add(reminder.outboxId());
                    }
                    settled++;
                }
            }
            copy.finish();
        }
        for (String table : List.of("reminder", "reminder_no_contact")) {
            try (PreparedStatement update = connection.prepareStatement(SETTLE.formatted(table))) {
                update.setObject(1, at);
                update.executeUpdate();
            }
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("drop table settled_reminder");
        }
        outbox.recordPaid(connection, paidContacts, at);
        LearnedState.saveEvidence(connection, evidence);
        return settled;
    }

    private static Unsettled unsettled(ResultSet row) throws SQLException {
        Float[] features = (Float[]) row.getArray("features").getArray();
        double[] x = null;
        if (features.length == Features.SIZE) {
            x = new double[Features.SIZE];
            for (int i = 0; i < x.length; i++) {
                x[i] = features[i];
            }
        }
        boolean sent = "SENT".equals(row.getString("outbox_status"));
        return new Unsettled(row.getLong("bill_id"), row.getLong("customer_id"),
                ReminderStep.valueOf(row.getString("step")), row.getObject("due_date", java.time.LocalDate.class), x,
                row.getObject("outbox_id", Long.class),
                sent ? ContactOption.of(row.getString("sent_channel")).orElse(null) : null,
                "PAID".equals(row.getString("bill_status")), row.getObject("settled_at", OffsetDateTime.class));
    }
}
