package com.gridcare.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.TimeZoneConfig;

/**
 * The payment histories of many accounts at once, for the risk model: three cursors (customers, bills, payments, each
 * in customer order along an index) merged as they stream, so memory holds one account at a time whatever the size of
 * the book (21 million bills at full scale). Blocking JDBC: call it on a worker thread.
 */
@ApplicationScoped
public class PaymentHistories {

    private static final int FETCH_SIZE = 5_000;

    private static final String CUSTOMERS = """
            select id, account_no, voltage_class, tariff_code, payment_mode, opened_on, contracted_kva
              from customer
             where id % ? = 0
             order by id""";

    /** A bill is settled once paid in full: a partial payment leaves it open. */
    private static final String BILLS = """
            select customer_id, id, issued_on, due_date, round(total_amount * 100)::bigint as total_fen,
                   case when status = 'PAID' then (settled_at at time zone ?)::date end as settled_on
              from bill
             where customer_id % ? = 0
             order by customer_id, period""";

    private static final String PAYMENTS = """
            select p.customer_id, p.bill_id, (p.paid_at at time zone ?)::date as paid_on,
                   round(p.amount * 100)::bigint as amount_fen, c.kind, p.channel_code like 'AUTO_DEBIT%' as auto_debit
              from payment p join payment_channel c on c.code = p.channel_code
             where p.customer_id % ? = 0
             order by p.customer_id, p.paid_at""";

    private final DataSource dataSource;
    private final String zone;

    public PaymentHistories(DataSource dataSource, TimeZoneConfig timeZone) {
        this.dataSource = dataSource;
        this.zone = timeZone.timeZone().getId();
    }

    /** Bills in the book, from the planner's statistics: enough to size a sample without counting 21 million rows. */
    public long estimatedBills() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "select greatest(reltuples, 0)::bigint from pg_class where oid = 'bill'::regclass")) {
            rows.next();
            long estimate = rows.getLong(1);
            if (estimate > 0) {
                return estimate;
            }
            try (var counted = statement.executeQuery("select count(*) from bill")) {
                counted.next();
                return counted.getLong(1);
            }
        }
    }

    /**
     * The day after the latest payment recorded: bills due before it have a known outcome. A live book's horizon is
     * today; a generated or imported one ends where its data ends. Empty when nothing was ever paid.
     */
    public Optional<LocalDate> horizon() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select (max(paid_at) at time zone ?)::date + 1 from payment")) {
            statement.setString(1, zone);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Optional.ofNullable(rows.getObject(1, LocalDate.class));
            }
        }
    }

    /**
     * Hands every {@code everyNth} account (by id; 1 for all) with its history to {@code each}, in id order. Accounts
     * without a bill are left out: they have no history to judge yet.
     */
    public void forEach(int everyNth, Consumer<PaymentHistory> each) throws SQLException {
        try (Connection customers = open(); Connection bills = open(); Connection payments = open();
                ResultSet customer = stream(customers, CUSTOMERS, everyNth);
                ResultSet bill = stream(bills, BILLS, zone, everyNth);
                ResultSet payment = stream(payments, PAYMENTS, zone, everyNth)) {
            boolean billAhead = bill.next();
            boolean paymentAhead = payment.next();
            while (customer.next()) {
                long id = customer.getLong("id");
                while (billAhead && bill.getLong(1) < id) {
                    billAhead = bill.next();
                }
                while (paymentAhead && payment.getLong(1) < id) {
                    paymentAhead = payment.next();
                }
                List<PaymentHistory.Bill> itsBills = new ArrayList<>(16);
                while (billAhead && bill.getLong(1) == id) {
                    itsBills.add(new PaymentHistory.Bill(bill.getLong(2), bill.getObject(3, LocalDate.class),
                            bill.getObject(4, LocalDate.class), bill.getLong(5), bill.getObject(6, LocalDate.class)));
                    billAhead = bill.next();
                }
                List<PaymentHistory.Payment> itsPayments = new ArrayList<>(16);
                while (paymentAhead && payment.getLong(1) == id) {
                    long billId = payment.getLong(2);
                    itsPayments.add(new PaymentHistory.Payment(payment.wasNull() ? null : billId,
                            payment.getObject(3, LocalDate.class), payment.getLong(4), payment.getString(5),
                            payment.getBoolean(6)));
                    paymentAhead = payment.next();
                }
                if (!itsBills.isEmpty()) {
                    Object kva = customer.getObject("contracted_kva");
                    each.accept(new PaymentHistory(id, customer.getString("account_no"),
                            "HV".equals(customer.getString("voltage_class")), customer.getString("tariff_code"),
                            "PREPAID".equals(customer.getString("payment_mode")),
                            customer.getObject("opened_on", LocalDate.class),
                            kva == null ? null : ((Number) kva).intValue(), itsBills, itsPayments));
                }
            }
        }
    }

    private Connection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        // pgjdbc streams with a cursor only inside a transaction; read-only, so it never holds a write lock.
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        return connection;
    }

    private static ResultSet stream(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH_SIZE);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        statement.closeOnCompletion();
        return statement.executeQuery();
    }
}
