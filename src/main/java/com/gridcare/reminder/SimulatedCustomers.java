package com.gridcare.reminder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Loads the configured database's active customers for the simulator, with their habits and bill history. */
@ApplicationScoped
class SimulatedCustomers {

    /** The habit is the commonest channel of the last six payments; the history all bills with a known outcome. */
    private static final String CUSTOMERS = """
            select c.id, c.account_no, c.voltage_class = 'HV' as hv, c.payment_mode = 'PREPAID' as prepaid,
                   c.mobile is not null as has_mobile, c.opened_on, s.probability, habit.channel_code, habit.kind,
                   history.bills, history.on_time, history.usual
              from customer c
              left join risk_score s on s.customer_id = c.id
              left join lateral (
                    select p.channel_code, pc.kind
                      from (select channel_code from payment where customer_id = c.id order by paid_at desc limit 6) p
                      join payment_channel pc on pc.code = p.channel_code
                     group by p.channel_code, pc.kind
                     order by count(*) desc, p.channel_code
                     limit 1) habit on true
              left join lateral (
                    select count(*) as bills,
                           count(*) filter (where b.settled_at is not null
                                              and b.settled_at < b.due_date + 1) as on_time,
                           avg(b.total_amount) as usual
                      from bill b where b.customer_id = c.id) history on true
             where c.status = 'ACTIVE' and history.bills > 0
             order by c.id""";

    private final DataSource dataSource;

    SimulatedCustomers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Blocking: a command's work. */
    List<SimulatedCustomer> load(LocalDate today) throws SQLException {
        List<SimulatedCustomer> customers = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(CUSTOMERS)) {
                statement.setFetchSize(10_000);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        customers.add(new SimulatedCustomer(row.getLong("id"), row.getString("account_no"),
                                row.getBoolean("hv"), row.getBoolean("prepaid"), row.getBoolean("has_mobile"),
                                PaymentHabit.of(row.getString("channel_code"), row.getString("kind")),
                                ChronoUnit.DAYS.between(row.getObject("opened_on", LocalDate.class), today) / 365.25,
                                row.getObject("probability", Double.class), row.getInt("bills"), row.getInt("on_time"),
                                row.getDouble("usual")));
                    }
                }
            }
            connection.commit();
        }
        return customers;
    }
}
