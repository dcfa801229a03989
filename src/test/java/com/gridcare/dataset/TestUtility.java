package com.gridcare.dataset;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The small generated utility the read-side tests run on (887 customers, a year of readings, bills and payments, as of
 * {@link #AS_OF}), plus SQL helpers for what a test inserts itself. Test-made customers, meters, bills and payments
 * (and feeders and transformer areas) use ids from {@link #FIRST_TEST_ID} and are removed by {@link #removeTestRows()}; generated rows are left as
 * generated.
 */
@ApplicationScoped
public class TestUtility {

    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);
    /** The clock's time for tests on the generated data: the morning of the as-of day, in the utility's zone. */
    public static final LocalDateTime NOW = AS_OF.atTime(10, 0);
    public static final GenerationRequest REQUEST = new GenerationRequest(11, 0.0005, AS_OF, 0.3, 62);
    public static final long FIRST_TEST_ID = 9_000_000;
    public static final int CUSTOMERS = 887;

    private final DatasetGenerator generator;
    private final DataSource dataSource;

    public TestUtility(DatasetGenerator generator, DataSource dataSource) {
        this.generator = generator;
        this.dataSource = dataSource;
    }

    /** Generates the utility unless the database already holds exactly it (other test classes regenerate theirs). */
    public synchronized void ensureGenerated() throws SQLException {
        var recorded = generator.recorded();
        boolean same = recorded.isPresent() && recorded.get().complete() && recorded.get().seed() == REQUEST.seed()
                && recorded.get().scale() == REQUEST.scale() && recorded.get().asOf().equals(AS_OF)
                && count("select count(*) from customer where id < ?", FIRST_TEST_ID) == CUSTOMERS;
        if (!same) {
            generator.generate(REQUEST, true, new PrintStream(OutputStream.nullOutputStream()), false);
        }
        removeTestRows();
    }

    public void removeTestRows() throws SQLException {
        execute("delete from reminder");
        execute("delete from reminder_no_contact");
        execute("delete from channel_evidence where customer_id >= ?", FIRST_TEST_ID);
        execute("delete from repair_ticket_event");
        execute("delete from repair_ticket");
        execute("delete from contact_outcome");
        execute("delete from voice_call");
        execute("delete from field_task");
        execute("delete from outbox_message");
        execute("delete from outage");
        execute("delete from outage_signal");
        execute("delete from account_binding where customer_id >= ?", FIRST_TEST_ID);
        execute("delete from payment where customer_id >= ?", FIRST_TEST_ID);
        execute("delete from bill where customer_id >= ?", FIRST_TEST_ID);
        execute("delete from daily_reading where meter_id >= ?", FIRST_TEST_ID);
        execute("delete from monthly_reading where meter_id >= ?", FIRST_TEST_ID);
        execute("delete from meter where id >= ?", FIRST_TEST_ID);
        execute("delete from customer where id >= ?", FIRST_TEST_ID);
        execute("delete from transformer_area where id >= ?", FIRST_TEST_ID);
        execute("delete from feeder where id >= ?", FIRST_TEST_ID);
    }

    /** A test customer with one meter (same id) of {@code meterKind} (SMART or CLASSIC), on no particular network. */
    public long customer(long id, String tariffCode, String meterKind) throws SQLException {
        execute("""
                insert into customer (id, account_no, name, address, voltage_class, tariff_code, status, payment_mode,
                                      opened_on)
                values (?, ?, 'Test', 'Test address', 'LV', ?, 'ACTIVE', 'POSTPAID', date '2020-01-01')""",
                id, "T" + id, tariffCode);
        execute("insert into meter (id, meter_no, customer_id, kind, installed_on) values (?, ?, ?, ?, date '2020-01-01')",
                id, "TM" + id, id, meterKind);
        return id;
    }

    public void monthlyReading(long meterId, LocalDate period, String kwh) throws SQLException {
        execute("""
                insert into monthly_reading (meter_id, period, read_on, reading_kwh, consumption_kwh)
                values (?, ?, ?, 0, ?)""", meterId, period, period.plusMonths(1), new BigDecimal(kwh));
    }

    public void monthlyReading(long meterId, LocalDate period, String peak, String flat, String valley)
            throws SQLException {
        BigDecimal total = new BigDecimal(peak).add(new BigDecimal(flat)).add(new BigDecimal(valley));
        execute("""
                insert into monthly_reading (meter_id, period, read_on, reading_kwh, consumption_kwh, peak_kwh, flat_kwh,
                                             valley_kwh)
                values (?, ?, ?, 0, ?, ?, ?, ?)""", meterId, period, period.plusMonths(1), total, new BigDecimal(peak),
                new BigDecimal(flat), new BigDecimal(valley));
    }

    public void dailyReadings(long meterId, LocalDate from, LocalDate toInclusive, String kwhEach) throws SQLException {
        for (LocalDate day = from; !day.isAfter(toInclusive); day = day.plusDays(1)) {
            execute("insert into daily_reading (meter_id, day, reading_kwh, consumption_kwh) values (?, ?, 0, ?)",
                    meterId, day, new BigDecimal(kwhEach));
        }
    }

    public long count(String sql, Object... arguments) throws SQLException {
        Object value = value(sql, arguments);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public BigDecimal decimal(String sql, Object... arguments) throws SQLException {
        return (BigDecimal) value(sql, arguments);
    }

    public Object value(String sql, Object... arguments) throws SQLException {
        List<Object[]> rows = rows(sql, arguments);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    public List<Object[]> rows(String sql, Object... arguments) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql,
                arguments); var result = statement.executeQuery()) {
            List<Object[]> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = result.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    public int execute(String sql, Object... arguments) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, arguments)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... arguments)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < arguments.length; i++) {
            statement.setObject(i + 1, arguments[i]);
        }
        return statement;
    }
}
