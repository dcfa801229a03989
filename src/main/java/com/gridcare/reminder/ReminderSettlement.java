package com.gridcare.reminder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.notify.OutboxBatch;

/**
 * Closes the reminders whose bill's outcome is known and feeds it to the recommender. A bill's reminders before its due
 * date settle once it is paid or the due date has passed: paid by the due date or not is what the recommender learns,
 * crediting the contacts that really went out (their outbox message SENT on the planned channel, or on the app inbox
 * it fell back to; a message never sent is no contact). Reminders after the due date settle when the bill is paid or a
 * month after they were planned; they are outcomes for staff and the summary, not evidence for on-time payment. Every
 * contact of a paid bill gets a PAID outcome: the channel prompted it.
 */
@ApplicationScoped
class ReminderSettlement {

    /** $1 today (local date), $2 a month ago. */
    private static final String UNSETTLED = """
            select m.id, m.bill_id, m.customer_id, m.step, m.due_date, m.expected -> 'features' as features,
                   o.id as outbox_id, o.status as outbox_status, o.channel_code as sent_channel,
                   b.status as bill_status, b.settled_at
              from reminder m
              join bill b on b.id = m.bill_id
              left join outbox_message o on o.id = m.outbox_message_id
             where m.outcome is null
               and (b.status = 'PAID'
                    or (m.step in ('EARLY', 'DUE_SOON') and m.due_date < ?)
                    or m.planned_at < ?)
             order by m.bill_id, m.id""";

    private static final String SETTLE = "update reminder set outcome = ?, settled_at = ? where id = ?";

    private final OutboxBatch outbox;
    private final ReminderSettings settings;
    private final ObjectMapper json;

    ReminderSettlement(OutboxBatch outbox, ReminderSettings settings, ObjectMapper json) {
        this.outbox = outbox;
        this.settings = settings;
        this.json = json;
    }

    private record Unsettled(long id, long billId, long customerId, ReminderStep step, java.time.LocalDate dueDate,
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
        try (PreparedStatement update = connection.prepareStatement(SETTLE)) {
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
                    update.setString(1, reminder.outcome());
                    update.setObject(2, at);
                    update.setLong(3, reminder.id());
                    update.addBatch();
                    if (reminder.paid() && reminder.contacted()) {
                        paidContacts.add(reminder.outboxId());
                    }
                    settled++;
                }
            }
            update.executeBatch();
        }
        outbox.recordPaid(connection, paidContacts, at);
        LearnedState.saveEvidence(connection, evidence);
        return settled;
    }

    private Unsettled unsettled(ResultSet row) throws SQLException {
        String features = row.getString("features");
        double[] x = null;
        if (features != null) {
            try {
                JsonNode node = json.readTree(features);
                x = json.treeToValue(node, double[].class);
            } catch (java.io.IOException e) {
                throw new SQLException("reminder " + row.getLong("id") + ": unreadable features", e);
            }
            if (x.length != Features.SIZE) {
                x = null;
            }
        }
        boolean sent = "SENT".equals(row.getString("outbox_status"));
        return new Unsettled(row.getLong("id"), row.getLong("bill_id"), row.getLong("customer_id"),
                ReminderStep.valueOf(row.getString("step")), row.getObject("due_date", java.time.LocalDate.class), x,
                row.getObject("outbox_id", Long.class),
                sent ? ContactOption.of(row.getString("sent_channel")).orElse(null) : null,
                "PAID".equals(row.getString("bill_status")), row.getObject("settled_at", OffsetDateTime.class));
    }
}
