package com.gridcare.risk;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of the stored model and scores, one query each on the reactive client. */
@ApplicationScoped
public class RiskScores {

    private static final TypeReference<List<Driver>> DRIVERS = new TypeReference<>() {
    };

    private static final String CURRENT_MODEL = """
            select version, trained_at, train_from, train_until, validated_until, tested_until, training_bills,
                   validation_bills, test_bills, accounts_scored, metrics::text as metrics
              from risk_model
             order by version desc
             limit 1""";

    private static final String ACCOUNT = """
            select account_no, model_version, probability, tier, hv_large_bill, amount_at_risk, drivers::text as drivers,
                   scored_at
              from risk_score
             where account_no = $1""";

    private final Pool pool;
    private final ObjectMapper json;

    public RiskScores(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** The newest model, empty before the first training. */
    public Uni<Optional<RiskModelSummary>> currentModel() {
        return pool.query(CURRENT_MODEL).execute().map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new RiskModelSummary(row.getInteger("version"), row.getOffsetDateTime("trained_at"),
                    row.getLocalDate("train_from"), row.getLocalDate("train_until"),
                    row.getLocalDate("validated_until"), row.getLocalDate("tested_until"),
                    row.getInteger("training_bills"), row.getInteger("validation_bills"), row.getInteger("test_bills"),
                    row.getInteger("accounts_scored"), read(row.getString("metrics"), RiskEvaluation.class)));
        });
    }

    /** The account's latest score, empty for an account never scored (unknown, or without a bill yet). */
    public Uni<Optional<AccountRisk>> account(String accountNo) {
        return pool.preparedQuery(ACCOUNT).execute(Tuple.of(accountNo)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new AccountRisk(row.getString("account_no"), row.getInteger("model_version"),
                    row.getDouble("probability"), RiskTier.valueOf(row.getString("tier")),
                    row.getBoolean("hv_large_bill"), row.getBigDecimal("amount_at_risk"),
                    read(row.getString("drivers"), DRIVERS), row.getOffsetDateTime("scored_at")));
        });
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
