package com.gridcare.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DatasetGeneratorTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);
    private static final GenerationRequest SMALL = new GenerationRequest(11, 0.0005, AS_OF, 0.3, 62);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Inject
    DatasetGenerator generator;

    @Inject
    DataSource dataSource;

    @Test
    void shouldGenerateAUtilityShapedLikeTheRealOne() throws Exception {
        var outcome = generator.generate(SMALL, true, QUIET, false);

        assertThat(outcome.rowsByStep().get("CUSTOMERS")).isEqualTo(887);
        assertThat(count("select count(*) from customer where voltage_class = 'HV'")).isBetween(1L, 20L);
        // every grid area has its own staff member, every LV customer a transformer area on a feeder
        assertThat(count("select count(*) from grid_area")).isEqualTo(count(
                "select count(distinct owner_staff_id) from grid_area"));
        assertThat(count("select count(*) from customer where voltage_class = 'LV' and transformer_area_id is null"))
                .isZero();
        assertThat(count("select count(*) from customer c join transformer_area t on t.id = c.transformer_area_id "
                + "where t.feeder_id <> c.feeder_id")).isZero();
        // twelve monthly readings per meter; the bill of the current month's predecessor is issued on the 3rd
        assertThat(count("select count(*) from monthly_reading")).isEqualTo(887L * 12);
        assertThat(count("select count(distinct period) from bill")).isEqualTo(12);
        // summer months push heavy users into the upper tiers
        assertThat(count("select count(*) from bill where tier2_kwh > 0")).isPositive();
        assertThat(count("select count(*) from bill where extract(month from period) = 8 and tier2_kwh > 0"))
                .isGreaterThan(count("select count(*) from bill where extract(month from period) = 3 and tier2_kwh > 0"));
        // a mix of payers: late fees, partial payments and open arrears exist, on several channels
        assertThat(count("select count(*) from payment where late_fee > 0")).isPositive();
        assertThat(count("select count(*) from bill where status = 'UNPAID' and due_date < date '2026-11-01'"))
                .isPositive();
        assertThat(count("select count(distinct channel_code) from payment")).isGreaterThanOrEqualTo(8);
        // amounts add up, and bills are settled by the payments that name them
        assertThat(count("select count(*) from bill where total_amount <> energy_amount + demand_amount + surcharge_amount"))
                .isZero();
        assertThat(count("select count(*) from bill b where b.paid_amount <> coalesce((select sum(amount) from payment p "
                + "where p.bill_id = b.id), 0) and b.status <> 'PAID' or (b.status = 'PAID' and b.paid_amount <> b.total_amount)"))
                .isZero();
        // a smart meter's daily readings add up to its monthly consumption
        assertThat(count("""
                select count(*) from monthly_reading m
                  join (select meter_id, date_trunc('month', day)::date as period, sum(consumption_kwh) as kwh
                          from daily_reading group by 1, 2) d on d.meter_id = m.meter_id and d.period = m.period
                 where m.period >= date '2026-10-01' and m.period < date '2026-11-01' and d.kwh <> m.consumption_kwh"""))
                .isZero();
        assertThat(count("select count(*) from daily_reading where day >= date '2026-11-25'")).isPositive();
        // personal data: ID numbers only as hashes
        assertThat(count("select count(*) from customer where id_number_hash !~ '^[0-9a-f]{64}$'")).isZero();
        assertThat(generator.recorded()).hasValueSatisfying(r -> assertThat(r.complete()).isTrue());
    }

    @Test
    void shouldMakeTheSameDatasetFromTheSameSeed() throws Exception {
        generator.generate(SMALL, true, QUIET, false);
        String first = fingerprint();
        generator.generate(SMALL, true, 1, QUIET, false);
        assertThat(fingerprint()).as("one lane or two, the same rows").isEqualTo(first);

        generator.generate(new GenerationRequest(12, 0.0005, AS_OF, 0.3, 40), true, QUIET, false);
        assertThat(fingerprint()).isNotEqualTo(first);
    }

    @Test
    void shouldResumeAnInterruptedRunWithoutLeavingHalfATable() throws Exception {
        var request = new GenerationRequest(21, 0.004, AS_OF, 0.3, 40);
        generator.generate(request, true, QUIET, false);
        String uninterrupted = fingerprint();

        var run = CompletableFuture.runAsync(() -> {
            try {
                generator.generate(request, true, QUIET, false);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        killCopyOnceStepsAreDone(2);
        assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);

        assertThat(generator.recorded()).hasValueSatisfying(r -> assertThat(r.complete()).isFalse());
        long stepsDone = count("select count(*) from dataset_generation_step");
        assertThat(stepsDone).isBetween(2L, 6L);
        // whatever the killed step had copied was rolled back: each table is either whole or empty
        for (String table : DatasetStatusService.TABLES) {
            long rows = count("select count(*) from " + table);
            assertThat(rows == 0 || stepDoneFor(table)).as(table + " whole or empty").isTrue();
        }

        var resumed = generator.generate(request, false, QUIET, false);
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.rowsByStep()).doesNotContainKey("NETWORK");
        assertThat(fingerprint()).isEqualTo(uninterrupted);
    }

    private boolean stepDoneFor(String table) throws SQLException {
        for (var step : DatasetGenerator.Step.values()) {
            if (step.tables.contains(table)) {
                return count("select count(*) from dataset_generation_step where step = '" + step + "'") == 1;
            }
        }
        return false;
    }

    /** Waits until {@code steps} steps are committed and a COPY is running, then kills the COPYing backends. */
    private void killCopyOnceStepsAreDone(int steps) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (count("select count(*) from dataset_generation_step") >= steps
                    && count("select count(*) from pg_stat_activity where query ilike 'COPY %' and pid <> pg_backend_pid() "
                            + "and datname = current_database()") > 0) {
                // Only this database's COPY: other test runs may share the server.
                count("select count(pg_terminate_backend(pid)) from pg_stat_activity where query ilike 'COPY %' "
                        + "and state = 'active' and pid <> pg_backend_pid() and datname = current_database()");
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no COPY to interrupt");
    }

    private String fingerprint() throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
                var row = statement.executeQuery("""
                        select md5(string_agg(x, ',' order by x)) from (
                          select md5(c::text) as x from customer c
                          union all select md5(b::text) from bill b
                          union all select md5(p::text) from payment p
                          union all select md5(d::text) from daily_reading d
                          union all select md5(s::text) from staff s) all_rows""")) {
            row.next();
            return row.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
                var row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
