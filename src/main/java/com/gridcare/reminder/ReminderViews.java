package com.gridcare.reminder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.ProblemException;
import com.gridcare.risk.RiskScores;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** What staff read of reminders: a customer's profile and the campaign's results. */
@ApplicationScoped
public class ReminderViews {

    /** Contacts and no-contact decisions alike; of a no-contact decision its best channel's expectation only. */
    private static final String REMINDERS = """
            select b.period, m.step, m.channel_code, m.planned_at, m.due_date, m.bill_amount, m.value_on_time,
                   m.risk_tier, m.expected, m.payment_offer, m.outcome, o.status as message_status
              from reminder m
              join customer c on c.id = m.customer_id
              join bill b on b.id = m.bill_id
              left join outbox_message o on o.id = m.outbox_message_id
             where c.account_no = $1
            union all
            select b.period, n.step, null, n.planned_at, n.due_date, n.bill_amount, n.value_on_time, n.risk_tier,
                   jsonb_build_object('channels', case when n.best_channel is null then '[]'::jsonb
                       else jsonb_build_array(jsonb_build_object('channel', n.best_channel,
                           'upliftMean', n.best_uplift_mean, 'upliftDrawn', n.best_uplift_drawn,
                           'cost', n.best_cost, 'netValue', n.best_net_value)) end),
                   null, n.outcome, null
              from reminder_no_contact n
              join customer c on c.id = n.customer_id
              join bill b on b.id = n.bill_id
             where c.account_no = $1
             order by planned_at desc, period desc, step desc
             limit 50""";

    private static final String EVIDENCE = """
            select e.channel_code, e.successes, e.failures, e.contacts
              from channel_evidence e join customer c on c.id = e.customer_id
             where c.account_no = $1 order by e.channel_code""";

    private static final String EXISTS = "select 1 from customer where account_no = $1";

    /** Grouped by $3's column; reminders planned in [$1, $2). */
    private static final String SUMMARY = """
            select %s as grp, count(*) as reminders, count(m.channel_code) as contacts,
                   coalesce(sum(ch.unit_cost), 0) as cost,
                   count(*) filter (where m.outcome is not null) as settled,
                   count(*) filter (where m.outcome = 'PAID_ON_TIME') as paid_on_time,
                   count(*) filter (where m.outcome = 'PAID_LATE') as paid_late,
                   count(*) filter (where m.outcome = 'UNPAID') as unpaid
              from (select customer_id, channel_code, risk_tier, outcome, planned_at from reminder
                    union all
                    select customer_id, null, risk_tier, outcome, planned_at from reminder_no_contact) m
              join customer c on c.id = m.customer_id
              left join contact_channel ch on ch.code = m.channel_code
             where m.planned_at >= $1 and m.planned_at < $2
             group by 1 order by 1""";

    private final Pool pool;
    private final RiskScores risk;

    public ReminderViews(Pool pool, RiskScores risk) {
        this.pool = pool;
        this.risk = risk;
    }

    public Uni<CustomerReminderProfile> profile(String accountNo) {
        return pool.preparedQuery(EXISTS).execute(Tuple.of(accountNo)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().failure(ProblemException.notFound("No such account."));
            }
            return Uni.combine().all().unis(risk.account(accountNo),
                    pool.preparedQuery(EVIDENCE).execute(Tuple.of(accountNo)),
                    pool.preparedQuery(REMINDERS).execute(Tuple.of(accountNo)))
                    .with((score, evidence, reminders) -> new CustomerReminderProfile(accountNo, score.orElse(null),
                            evidence.stream().map(ReminderViews::learned).toList(),
                            reminders.stream().map(ReminderViews::reminder).toList()));
        });
    }

    public Uni<List<ReminderResult>> summary(String by, LocalDate from, LocalDate until) {
        String column = switch (by) {
            case "channel" -> "coalesce(m.channel_code, 'NONE')";
            case "tier" -> "coalesce(m.risk_tier, 'UNSCORED')";
            case "area" -> "coalesce(c.grid_area_id::text, 'NONE')";
            default -> null;
        };
        if (column == null) {
            return Uni.createFrom().failure(new InvalidRequestException("by must be channel, tier or area"));
        }
        if (!from.isBefore(until)) {
            return Uni.createFrom().failure(new InvalidRequestException("from must be before until"));
        }
        return pool.preparedQuery(SUMMARY.formatted(column))
                .execute(Tuple.of(from.atStartOfDay().atOffset(java.time.ZoneOffset.UTC),
                        until.atStartOfDay().atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> rows.stream().map(row -> {
                    long settled = row.getLong("settled");
                    return new ReminderResult(row.getString("grp"), row.getLong("reminders"), row.getLong("contacts"),
                            row.getBigDecimal("cost"), settled, row.getLong("paid_on_time"), row.getLong("paid_late"),
                            row.getLong("unpaid"),
                            settled == 0 ? null : row.getLong("paid_on_time") / (double) settled);
                }).toList());
    }

    private static CustomerReminderProfile.Learned learned(Row row) {
        double successes = row.getDouble("successes");
        double failures = row.getDouble("failures");
        return new CustomerReminderProfile.Learned(row.getString("channel_code"), successes, failures,
                row.getInteger("contacts"));
    }

    private static CustomerReminderProfile.Reminder reminder(Row row) {
        JsonObject expected = (JsonObject) row.getJson("expected");
        return new CustomerReminderProfile.Reminder(row.getLocalDate("period"), row.getString("step"),
                row.getString("channel_code"), row.getOffsetDateTime("planned_at"), row.getLocalDate("due_date"),
                row.getBigDecimal("bill_amount"), row.getBigDecimal("value_on_time"), row.getString("risk_tier"),
                expected == null ? List.of() : expected.getJsonArray("channels").stream()
                        .map(item -> (JsonObject) item)
                        .map(item -> new CustomerReminderProfile.Expected(item.getString("channel"),
                                item.getDouble("upliftMean"), item.getDouble("upliftDrawn"), item.getDouble("cost"),
                                item.getDouble("netValue")))
                        .toList(),
                row.getString("payment_offer"), row.getString("message_status"), row.getString("outcome"));
    }

    /** One group of the campaign's results. */
    public record ReminderResult(String group, long reminders, long contacts, BigDecimal contactCost, long settled,
            long paidOnTime, long paidLate, long unpaid, Double onTimeRate) {
    }
}
