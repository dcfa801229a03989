package com.gridcare.dataset;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.billing.TariffPlan;
import com.gridcare.billing.TariffRepository;
import com.gridcare.common.CopyRowWriter;
import com.gridcare.common.PiiConfig;
import com.gridcare.common.TimeZoneConfig;

/**
 * Builds the synthetic utility in PostgreSQL with {@code COPY}, one table-filling step at a time. Each step is one
 * transaction that truncates its tables, drops their secondary indexes and foreign keys, streams the rows with
 * {@code COPY ... FREEZE}, rebuilds what it dropped and records itself as done: an interrupted run leaves only whole
 * steps behind, and the next run with the same request resumes after the last one. Blocking: run it on a worker or
 * CLI thread.
 */
@ApplicationScoped
public class DatasetGenerator {

    private final DataSource dataSource;
    private final PiiConfig pii;
    private final TimeZoneConfig timeZone;

    public DatasetGenerator(DataSource dataSource, PiiConfig pii, TimeZoneConfig timeZone) {
        this.dataSource = dataSource;
        this.pii = pii;
        this.timeZone = timeZone;
    }

    /** The tables each step fills, in load order. */
    enum Step {
        NETWORK("district", "staff", "grid_area", "substation", "feeder", "transformer_area"),
        CUSTOMERS("customer"),
        METERS("meter"),
        MONTHLY_READINGS("monthly_reading"),
        DAILY_READINGS("daily_reading"),
        BILLS("bill"),
        PAYMENTS("payment");

        final List<String> tables;

        Step(String... tables) {
            this.tables = List.of(tables);
        }
    }

    /**
     * Steps in order of dependency. Within a phase the lanes run side by side on their own connections, one step
     * after another in each lane, so both cores work: each lane has a generating thread here and a parsing
     * backend in PostgreSQL. Lanes touch disjoint tables, and lock disjoint referenced tables when they rebuild
     * foreign keys.
     */
    private static final List<List<List<Step>>> PHASES = List.of(
            List.of(List.of(Step.NETWORK, Step.CUSTOMERS, Step.METERS)),
            List.of(List.of(Step.MONTHLY_READINGS, Step.DAILY_READINGS), List.of(Step.BILLS, Step.PAYMENTS)));
    private static final List<List<List<Step>>> ONE_LANE = List.of(List.of(List.of(Step.values())));

    /** The generation recorded in the database, if any. */
    public record Recorded(long seed, double scale, LocalDate asOf, boolean complete) {
    }

    /** What a run did: rows per step (steps skipped on resume are absent) and the wall time. */
    public record Outcome(Map<String, Long> rowsByStep, long totalRows, long millis, boolean resumed) {
    }

    public Optional<Recorded> recorded() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var row = statement.executeQuery("select seed, scale, as_of, status from dataset_generation")) {
            return row.next()
                    ? Optional.of(new Recorded(row.getLong(1), row.getDouble(2), row.getObject(3, LocalDate.class),
                            "COMPLETE".equals(row.getString(4))))
                    : Optional.empty();
        }
    }

    public boolean hasCustomers() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var row = statement.executeQuery("select exists (select 1 from customer)")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /**
     * Generates, or resumes, the dataset of {@code request}. The caller has decided that the database may hold it:
     * with {@code restart} everything is truncated first; without, completed steps of the same request are kept.
     */
    public Outcome generate(GenerationRequest request, boolean restart, PrintStream console, boolean interactive)
            throws SQLException {
        return generate(request, restart, 2, console, interactive);
    }

    /** As {@link #generate(GenerationRequest, boolean, PrintStream, boolean)}; one lane spares a busy server. */
    public Outcome generate(GenerationRequest request, boolean restart, int lanes, PrintStream console,
            boolean interactive) throws SQLException {
        long started = System.nanoTime();
        UtilityLayout layout = new UtilityLayout(request);
        Vocabulary words = Vocabulary.load();
        List<String> done = restart ? List.of() : completedSteps();
        boolean resumed = !done.isEmpty();
        if (!resumed) {
            begin(request);
        }
        Map<String, TariffPlan> plans;
        try (Connection connection = dataSource.getConnection()) {
            plans = TariffRepository.loadAll(connection);
        }
        Map<String, Long> rowsByStep = new ConcurrentSkipListMap<>(Comparator.comparing(Step::valueOf));
        try (var progress = new GenerationProgress(console, expectedRows(request, layout, done), interactive)) {
            for (List<List<Step>> phase : lanes > 1 ? PHASES : ONE_LANE) {
                runLanes(phase, done, request, layout, words, plans, progress, rowsByStep);
            }
            progress.phase("finishing");
            finish();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long total = rowsByStep.values().stream().mapToLong(Long::longValue).sum();
        return new Outcome(rowsByStep, total, millis, resumed);
    }

    private void runLanes(List<List<Step>> lanes, List<String> done, GenerationRequest request, UtilityLayout layout,
            Vocabulary words, Map<String, TariffPlan> plans, GenerationProgress progress, Map<String, Long> rowsByStep)
            throws SQLException {
        ExecutorService executor = Executors.newFixedThreadPool(lanes.size(), runnable -> {
            Thread thread = new Thread(runnable, "generator-lane");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Map<String, Long>>> results = new ArrayList<>();
            for (List<Step> lane : lanes) {
                results.add(executor.submit(() -> {
                    Map<String, Long> rows = new LinkedHashMap<>();
                    for (Step step : lane) {
                        if (!done.contains(step.name())) {
                            progress.phase(step.name().toLowerCase());
                            rows.put(step.name(), runStep(step, request, layout, words, plans, progress));
                        }
                    }
                    return rows;
                }));
            }
            // Wait for every lane even after one failed: a lane still copying must not outlive this call.
            Throwable failure = null;
            for (var result : results) {
                try {
                    rowsByStep.putAll(result.get());
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                }
            }
            if (failure instanceof SQLException sql) {
                throw sql;
            }
            if (failure != null) {
                throw new IllegalStateException("Generation failed", failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Generation interrupted", e);
        } finally {
            executor.shutdownNow();
        }
    }

    private List<String> completedSteps() throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select step from dataset_generation_step")) {
            while (rows.next()) {
                steps.add(rows.getString(1));
            }
        }
        return steps;
    }

    private void begin(GenerationRequest request) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("truncate dataset_generation_step, dataset_generation");
                StringBuilder tables = new StringBuilder();
                for (Step step : Step.values()) {
                    for (String table : step.tables) {
                        tables.append(tables.isEmpty() ? "" : ", ").append(table);
                    }
                }
                statement.execute("truncate " + tables + " cascade");
            }
            try (var insert = connection.prepareStatement("insert into dataset_generation "
                    + "(id, seed, scale, as_of, status, started_at) values (1, ?, ?, ?, 'RUNNING', now())")) {
                insert.setLong(1, request.seed());
                insert.setBigDecimal(2, BigDecimal.valueOf(request.scale()));
                insert.setObject(3, request.asOf());
                insert.executeUpdate();
            }
            connection.commit();
        }
    }

    private long runStep(Step step, GenerationRequest request, UtilityLayout layout, Vocabulary words,
            Map<String, TariffPlan> plans, GenerationProgress progress) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<String> rebuild = new ArrayList<>();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local synchronous_commit = off");
                    statement.execute("set local maintenance_work_mem = '512MB'");
                    statement.execute("truncate " + String.join(", ", step.tables) + " cascade");
                }
                for (String table : step.tables) {
                    rebuild.addAll(dropSecondaryStructures(connection, table));
                }
                long copyStarted = System.nanoTime();
                long rows = switch (step) {
                    case NETWORK -> layout.writeNetwork(connection, words, progress);
                    case CUSTOMERS -> writeCustomers(connection, request, layout, words, progress);
                    case METERS -> writeMeters(connection, request, layout, progress);
                    case MONTHLY_READINGS -> writeMonthlyReadings(connection, request, layout, progress);
                    case DAILY_READINGS -> writeDailyReadings(connection, request, layout, progress);
                    case BILLS -> writeBills(connection, request, layout, plans, progress);
                    case PAYMENTS -> writePayments(connection, request, layout, plans, progress);
                };
                long copyMillis = (System.nanoTime() - copyStarted) / 1_000_000;
                progress.phase(step.name().toLowerCase() + " indexes");
                try (Statement statement = connection.createStatement()) {
                    for (String sql : rebuild) {
                        statement.execute(sql);
                    }
                }
                try (var record = connection.prepareStatement("insert into dataset_generation_step "
                        + "(step, rows_loaded, copy_millis, millis, completed_at) values (?, ?, ?, ?, now())")) {
                    record.setString(1, step.name());
                    record.setLong(2, rows);
                    record.setLong(3, copyMillis);
                    record.setLong(4, (System.nanoTime() - started) / 1_000_000);
                    record.executeUpdate();
                }
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Drops the table's secondary indexes, unique constraints and foreign keys, returning the statements that
     * rebuild them: building an index once after the load is far cheaper than maintaining it row by row, and one
     * validating join replaces millions of per-row foreign-key checks.
     */
    private static List<String> dropSecondaryStructures(Connection connection, String table) throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        try (var query = connection.prepareStatement("""
                select 'constraint', conname, pg_get_constraintdef(oid), contype from pg_constraint
                 where conrelid = ?::regclass and contype in ('u', 'f')
                union all
                select 'index', indexname, indexdef, null from pg_indexes
                 where schemaname = current_schema() and tablename = ?
                   and indexname not in (select conname from pg_constraint where conrelid = ?::regclass)""")) {
            query.setString(1, table);
            query.setString(2, table);
            query.setString(3, table);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(2);
                    String definition = rows.getString(3);
                    if ("constraint".equals(rows.getString(1))) {
                        drops.add("alter table " + table + " drop constraint " + name);
                        String add = "alter table " + table + " add constraint " + name + " " + definition;
                        // unique indexes first, foreign keys last: their validation reads the finished tables
                        if ("u".equals(rows.getString(4))) {
                            indexes.add(add);
                        } else {
                            constraints.add(add);
                        }
                    } else {
                        drops.add("drop index " + name);
                        indexes.add(definition);
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
        indexes.addAll(constraints);
        return indexes;
    }

    private void finish() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("customer", "meter", "bill", "payment")) {
                statement.execute("select setval('" + table + "_id_seq', coalesce((select max(id) from " + table
                        + "), 0) + 1, false)");
            }
            for (Step step : Step.values()) {
                for (String table : step.tables) {
                    statement.execute("analyze " + table);
                }
            }
            statement.execute("update dataset_generation set status = 'COMPLETE', finished_at = now()");
        }
    }

    private static long expectedRows(GenerationRequest request, UtilityLayout layout, List<String> done) {
        long n = layout.customers;
        long smart = layout.hvCustomers + Math.round(layout.lvCustomers * request.smartMeterShare());
        long total = 0;
        for (Step step : Step.values()) {
            if (done.contains(step.name())) {
                continue;
            }
            total += switch (step) {
                case NETWORK -> layout.networkRows();
                case CUSTOMERS, METERS -> n;
                case MONTHLY_READINGS -> n * CustomerHistory.MONTHS;
                case DAILY_READINGS -> smart * request.dailyDays();
                case BILLS, PAYMENTS -> n * (CustomerHistory.MONTHS - 1);
            };
        }
        return total;
    }

    // --- the per-customer steps -----------------------------------------------------------------------------------

    private long writeCustomers(Connection connection, GenerationRequest request, UtilityLayout layout,
            Vocabulary words, GenerationProgress progress) throws SQLException {
        MessageDigest sha256 = sha256();
        byte[] salt = pii.idHashSalt().getBytes(StandardCharsets.UTF_8);
        HexFormat hex = HexFormat.of();
        try (var out = CopyRowWriter.open(connection, "customer", "id, account_no, name, mobile, id_number_hash, "
                + "address, voltage_class, tariff_code, status, payment_mode, grid_area_id, feeder_id, "
                + "transformer_area_id, contracted_kva, balance, opened_on", true)) {
            int transformerArea = 0;
            for (int i = 0; i < layout.customers; i++) {
                CustomerProfile profile = CustomerProfile.of(request, layout, i);
                SplittableRandom random = Seeds.random(request.seed(), i, Seeds.IDENTITY);
                int area;
                int feeder;
                String district;
                if (profile.highVoltage()) {
                    int hvIndex = i - layout.lvCustomers;
                    area = layout.hvAreaOfCustomer(hvIndex);
                    feeder = layout.feederOfHvCustomer(hvIndex);
                } else {
                    while (i >= layout.transformerAreaStart[transformerArea + 1]) {
                        transformerArea++;
                    }
                    area = layout.lvAreaOfTransformerArea(transformerArea);
                    feeder = layout.feederOfTransformerArea(transformerArea);
                }
                district = words.districts()[(layout.districtOfArea(area) - 1) % words.districts().length];
                String street = district + People.pick(words.roads(), random) + (1 + random.nextInt(800))
                        + words.houseNumber();
                boolean household = profile.tariffCode().startsWith("RES_");
                String name;
                String address;
                String idHash = null;
                if (household) {
                    name = People.personName(words, random);
                    address = street + People.pick(words.estates(), random) + (1 + random.nextInt(30))
                            + words.building() + (101 + random.nextInt(30) * 100 + random.nextInt(8)) + words.room();
                    sha256.update(salt);
                    idHash = hex.formatHex(sha256.digest(People.idNumber(random, 1940 + random.nextInt(65))
                            .getBytes(StandardCharsets.US_ASCII)));
                } else if (!profile.highVoltage()) {
                    name = People.pick(words.companyWords(), random) + People.pick(words.shopWords(), random);
                    address = street;
                } else {
                    name = words.city() + People.pick(words.companyWords(), random)
                            + People.pick(words.industries(), random) + words.companySuffix();
                    address = street;
                }
                out.number(i + 1L).text(accountNo(i)).text(name).text(People.mobile(random)).text(idHash)
                        .text(address).text(profile.highVoltage() ? "HV" : "LV").text(profile.tariffCode())
                        .text(profile.status()).text(profile.prepaid() ? "PREPAID" : "POSTPAID").number(area)
                        .number(feeder);
                if (profile.highVoltage()) {
                    out.nullValue().number(profile.contractedKva());
                } else {
                    out.number(transformerArea + 1L).nullValue();
                }
                out.hundredths(profile.prepaid() ? 2_000 + random.nextInt(30_000) : 0).date(profile.openedOn());
                out.endRow();
                progress.advance(1);
            }
            return out.finish();
        }
    }

    /** 户号: ten digits, the utility's prefix 03 and a running number. */
    static String accountNo(int index) {
        return "03" + People.padded(index + 1L, 8);
    }

    private static long writeMeters(Connection connection, GenerationRequest request, UtilityLayout layout,
            GenerationProgress progress) throws SQLException {
        try (var out = CopyRowWriter.open(connection, "meter",
                "id, meter_no, customer_id, kind, multiplier, installed_on", true)) {
            for (int i = 0; i < layout.customers; i++) {
                CustomerProfile profile = CustomerProfile.of(request, layout, i);
                LocalDate installed = profile.smartMeter() && profile.openedOn().isBefore(LocalDate.of(2019, 1, 1))
                        ? LocalDate.of(2019, 1, 1).plusDays(i % 1_460)
                        : profile.openedOn();
                out.number(i + 1L).text("M" + People.padded(i + 1L, 12)).number(i + 1L)
                        .text(profile.smartMeter() ? "SMART" : "CLASSIC")
                        .number(profile.highVoltage() ? 40 : 1).date(installed).endRow();
                progress.advance(1);
            }
            return out.finish();
        }
    }

    private static long writeMonthlyReadings(Connection connection, GenerationRequest request, UtilityLayout layout,
            GenerationProgress progress) throws SQLException {
        try (var out = CopyRowWriter.open(connection, "monthly_reading",
                "meter_id, period, read_on, reading_kwh, consumption_kwh, peak_kwh, flat_kwh, valley_kwh", true)) {
            for (int i = 0; i < layout.customers; i++) {
                CustomerHistory history = CustomerHistory.usage(request, CustomerProfile.of(request, layout, i));
                long reading = history.startReading;
                for (int m = 0; m < CustomerHistory.MONTHS; m++) {
                    YearMonth period = history.firstPeriod.plusMonths(m);
                    reading += history.centiKwh[m];
                    out.number(i + 1L).date(period.atDay(1)).date(period.plusMonths(1).atDay(1)).hundredths(reading)
                            .hundredths(history.centiKwh[m]);
                    threeOrNull(out, history.timeOfUse == null ? null : history.timeOfUse[m]);
                    out.endRow();
                }
                progress.advance(CustomerHistory.MONTHS);
            }
            return out.finish();
        }
    }

    private static long writeDailyReadings(Connection connection, GenerationRequest request, UtilityLayout layout,
            GenerationProgress progress) throws SQLException {
        try (var out = CopyRowWriter.open(connection, "daily_reading",
                "meter_id, day, reading_kwh, consumption_kwh", true)) {
            for (int i = 0; i < layout.customers; i++) {
                CustomerProfile profile = CustomerProfile.of(request, layout, i);
                if (!profile.smartMeter()) {
                    continue;
                }
                long meterId = i + 1L;
                long before = out.rows();
                CustomerHistory.usage(request, profile).dailyReadings(request, (day, reading, consumption) -> {
                    out.number(meterId).date(day).hundredths(reading).hundredths(consumption).endRow();
                });
                progress.advance(out.rows() - before);
            }
            return out.finish();
        }
    }

    private long writeBills(Connection connection, GenerationRequest request, UtilityLayout layout,
            Map<String, TariffPlan> plans, GenerationProgress progress) throws SQLException {
        try (var out = CopyRowWriter.open(connection, "bill", "id, customer_id, period, tariff_code, kwh_total, "
                + "tier1_kwh, tier2_kwh, tier3_kwh, tier1_amount, tier2_amount, tier3_amount, peak_kwh, flat_kwh, "
                + "valley_kwh, energy_amount, demand_amount, surcharge_amount, total_amount, issued_on, due_date, "
                + "status, paid_amount, late_fee_paid, settled_at", true)) {
            for (int i = 0; i < layout.customers; i++) {
                CustomerHistory history = CustomerHistory.billed(request, CustomerProfile.of(request, layout, i), plans);
                for (int m = 0; m < CustomerHistory.MONTHS; m++) {
                    YearMonth period = history.firstPeriod.plusMonths(m);
                    LocalDate issued = CustomerHistory.issuedOn(period);
                    if (!issued.isBefore(request.asOf())) {
                        continue;
                    }
                    var charges = history.charges[m];
                    out.number(billId(i, m)).number(i + 1L).date(period.atDay(1))
                            .text(history.profile.tariffCode()).hundredths(history.centiKwh[m]);
                    threeOrNull(out, charges.tierCentiKwh());
                    threeOrNull(out, charges.tierFen());
                    threeOrNull(out, charges.touCentiKwh());
                    out.hundredths(charges.energyFen()).hundredths(charges.demandFen())
                            .hundredths(charges.surchargeFen()).hundredths(charges.totalFen()).date(issued)
                            .date(CustomerHistory.dueDate(period)).text(history.billStatus(m))
                            .hundredths(history.paidFen[m]).hundredths(history.lateFeePaidFen[m]);
                    if (history.settledOn[m] == null) {
                        out.nullValue();
                    } else {
                        out.timestamp(history.settledOn[m], history.settledSecond[m], offsetHours(request));
                    }
                    out.endRow();
                    progress.advance(1);
                }
            }
            return out.finish();
        }
    }

    private long writePayments(Connection connection, GenerationRequest request, UtilityLayout layout,
            Map<String, TariffPlan> plans, GenerationProgress progress) throws SQLException {
        try (var out = CopyRowWriter.open(connection, "payment",
                "id, payment_ref, customer_id, bill_id, amount, late_fee, paid_at, channel_code", true)) {
            long id = 0;
            for (int i = 0; i < layout.customers; i++) {
                CustomerHistory history = CustomerHistory.billed(request, CustomerProfile.of(request, layout, i), plans);
                for (CustomerHistory.Payment payment : history.payments) {
                    id++;
                    out.number(id).text("GEN" + id).number(i + 1L);
                    if (payment.forBill()) {
                        out.number(billId(i, payment.month()));
                    } else {
                        out.nullValue();
                    }
                    out.hundredths(payment.amountFen()).hundredths(payment.lateFeeFen())
                            .timestamp(payment.day(), payment.secondOfDay(), offsetHours(request)).text(payment.channel()).endRow();
                }
                progress.advance(history.payments.size());
            }
            return out.finish();
        }
    }

    /** Payment times are local to the utility; its zone's offset on the as-of day (China keeps no summer time). */
    private int offsetHours(GenerationRequest request) {
        return timeZone.timeZone().getRules().getOffset(request.asOf().atStartOfDay()).getTotalSeconds() / 3600;
    }

    static long billId(int customerIndex, int month) {
        return (long) customerIndex * CustomerHistory.MONTHS + month + 1;
    }

    private static void threeOrNull(CopyRowWriter out, long[] values) throws SQLException {
        if (values == null) {
            out.nullValue().nullValue().nullValue();
        } else {
            out.hundredths(values[0]).hundredths(values[1]).hundredths(values[2]);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
