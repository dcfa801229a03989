package com.gridcare.risk;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.billing.PaymentHistories;
import com.gridcare.billing.PaymentHistory;
import com.gridcare.common.CopyRowWriter;
import com.gridcare.common.ProblemException;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Trains the fee-recovery risk model on the payment history in the database (on a schedule, on demand, and for
 * {@code risk-eval} without storing), stores it with its metrics and rescores every account in one transaction.
 * Training reads the whole book through JDBC and is CPU-bound: it runs on a worker thread, and a PostgreSQL advisory
 * lock keeps it to one instance at a time.
 */
@ApplicationScoped
public class RiskService {

    private static final Logger LOG = Logger.getLogger(RiskService.class);

    /** "gridrisk" in ASCII: the advisory lock only a risk training holds. */
    private static final long TRAINING_LOCK = 0x6772_6964_7269_736BL;
    private static final int DRIVERS = 3;

    /** What a training run read, and what it learned from it. */
    record Run(RiskDataset.Window window, int everyNth, RiskDataset data, RiskTrainer.Trained trained) {
    }

    private final PaymentHistories histories;
    private final DataSource dataSource;
    private final RiskConfig config;
    private final RiskTiers tiers;
    private final ObjectMapper json;
    private final Clock clock;

    public RiskService(PaymentHistories histories, DataSource dataSource, RiskConfig config, RiskTiers tiers,
            ObjectMapper json, Clock clock) {
        this.histories = histories;
        this.dataSource = dataSource;
        this.config = config;
        this.tiers = tiers;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(cron = "${gridcare.risk.schedule}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return trainNow().invoke(model -> LOG.infof("Risk model %d trained: test AUC %s, %d accounts scored",
                model.version(), model.evaluation().model().auc(), model.accountsScored()))
                .onFailure().invoke(failure -> {
                    // Another instance training, or too little history yet: expected, the next run tries again.
                    if (failure instanceof ProblemException) {
                        LOG.info(failure.getMessage());
                    } else {
                        LOG.error("Scheduled risk training failed", failure);
                    }
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Trains on the default window (the last {@code test-months} with known outcomes test it), stores, rescores. */
    public Uni<RiskModelSummary> trainNow() {
        return Uni.createFrom().item(() -> {
            try {
                return trainAndStore();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Reads the sampled histories and trains, without storing anything: {@code trainUntil} (empty for the default)
     * is the last month of issue that trains and validates; later months up to {@code testUntil} (empty: all with a
     * known outcome) test. Blocking.
     */
    Run evaluate(Optional<YearMonth> trainUntil, Optional<YearMonth> testUntil) throws SQLException {
        LocalDate horizon = histories.horizon().orElseThrow(() -> notEnoughHistory("No payment has been recorded."));
        YearMonth until = trainUntil.orElse(YearMonth.from(horizon.minusDays(1)).minusMonths(config.testMonths()));
        var window = new RiskDataset.Window(until, config.validationMonths(), testUntil.orElse(null), horizon);
        int everyNth = (int) Math.max(1, Math.ceil(histories.estimatedBills() / (double) config.sampleBills()));
        var data = new RiskDataset(window);
        histories.forEach(everyNth, data);
        if (data.training.size() == 0 || data.validation.size() == 0 || data.test.size() == 0) {
            throw notEnoughHistory("Training, validation or test months without bills of known outcome (training until "
                    + until + ", outcomes known until " + horizon + ").");
        }
        return new Run(window, everyNth, data, RiskTrainer.train(data));
    }

    private RiskModelSummary trainAndStore() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!advisoryLock(connection, "select pg_try_advisory_lock(?)")) {
                throw new ProblemException(409, "training-in-progress", "Conflict",
                        "Another risk training is running; its model will be current when it ends.");
            }
            try {
                Run run = evaluate(Optional.empty(), Optional.empty());
                return store(connection, run);
            } finally {
                advisoryLock(connection, "select pg_advisory_unlock(?)");
            }
        }
    }

    private RiskModelSummary store(Connection connection, Run run) throws SQLException {
        RiskTrainer.Trained trained = run.trained();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate horizon = run.window().horizon();
        RiskEvaluation evaluation = RiskEvaluation.of(trained);
        String metrics = toJson(evaluation);
        String calibration = toJson(trained.model().calibration());
        connection.setAutoCommit(false);
        try {
            int version;
            try (var statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select coalesce(max(version), 0) + 1 from risk_model")) {
                rows.next();
                version = rows.getInt(1);
            }
            RiskDataset data = run.data();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into risk_model (version, trained_at, train_from, train_until, validated_until, tested_until,
                                            training_bills, validation_bills, test_bills, accounts_scored, metrics,
                                            model_bytes, calibration)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?::jsonb, ?, ?::jsonb)""")) {
                insert.setInt(1, version);
                insert.setObject(2, now);
                insert.setObject(3, data.trainingPart.firstIssued);
                insert.setObject(4, data.trainingPart.lastIssued);
                insert.setObject(5, data.validation.lastIssued);
                insert.setObject(6, data.test.lastIssued);
                insert.setInt(7, data.training.size());
                insert.setInt(8, data.validation.size());
                insert.setInt(9, data.test.size());
                insert.setString(10, metrics);
                insert.setBytes(11, trained.model().tribuo().serialize().toByteArray());
                insert.setString(12, calibration);
                insert.executeUpdate();
            }
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("delete from risk_score");
            }
            long scored = score(connection, trained.model(), version, horizon, now);
            try (PreparedStatement update = connection.prepareStatement(
                    "update risk_model set accounts_scored = ? where version = ?")) {
                update.setLong(1, scored);
                update.setInt(2, version);
                update.executeUpdate();
            }
            connection.commit();
            return new RiskModelSummary(version, now, data.trainingPart.firstIssued, data.trainingPart.lastIssued,
                    data.validation.lastIssued, data.test.lastIssued, data.training.size(), data.validation.size(),
                    data.test.size(), (int) scored, evaluation);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Every account with a bill, as of the horizon, facing a bill like its latest one. */
    private long score(Connection connection, RiskModel model, int version, LocalDate horizon, OffsetDateTime now)
            throws SQLException {
        String scoredAt = now.toString();
        try (CopyRowWriter copy = CopyRowWriter.open(connection, "risk_score",
                "customer_id, account_no, model_version, probability, tier, hv_large_bill, amount_at_risk, drivers, "
                        + "scored_at", false)) {
            SQLException[] failure = new SQLException[1];
            histories.forEach(1, history -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    writeScore(copy, model, version, history, horizon, scoredAt);
                } catch (SQLException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            return copy.finish();
        }
    }

    private void writeScore(CopyRowWriter copy, RiskModel model, int version, PaymentHistory history,
            LocalDate horizon, String scoredAt) throws SQLException {
        List<PaymentHistory.Bill> bills = history.bills();
        long latestFen = bills.get(bills.size() - 1).totalFen();
        long usualFen = bills.stream().mapToLong(PaymentHistory.Bill::totalFen).sum() / bills.size();
        RiskFeatures.Vector vector = RiskFeatures.asOf(history, horizon, latestFen).vector();
        double probability = model.probability(vector);
        BigDecimal usual = BigDecimal.valueOf(usualFen, 2);
        boolean hvLarge = tiers.hvLargeBill(history.highVoltage(), usual);
        BigDecimal atRisk = RiskTiers.amountAtRisk(probability, usual);
        String drivers = toJson(model.drivers(vector, DRIVERS));
        copy.number(history.customerId()).text(history.accountNo()).number(version)
                .text(Double.toString(probability)).text(tiers.tier(probability, hvLarge, atRisk).name())
                .bool(hvLarge).text(atRisk.toPlainString()).text(drivers).text(scoredAt).endRow();
    }

    private static boolean advisoryLock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, TRAINING_LOCK);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static ProblemException notEnoughHistory(String detail) {
        return new ProblemException(409, "not-enough-history", "Conflict", detail);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
