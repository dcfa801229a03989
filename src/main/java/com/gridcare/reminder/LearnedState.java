package com.gridcare.reminder;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the recommender has learned, in the database: the segment models ({@code channel_response_model}) and each
 * customer's evidence ({@code channel_evidence}). Read and written on the planner's JDBC connection, within its
 * transaction.
 */
final class LearnedState {

    private static final String UNCONTACTED = "NONE";

    private LearnedState() {
    }

    static String modelCode(int model) {
        return model == ResponseModels.UNCONTACTED ? UNCONTACTED : ContactOption.ALL.get(model).name();
    }

    static ResponseModels loadModels(Connection connection, ObjectMapper json) throws SQLException {
        ResponseModels models = new ResponseModels();
        try (PreparedStatement select = connection.prepareStatement(
                "select channel_code, weights::text, observations from channel_response_model");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                int model = model(row.getString(1));
                if (model < 0) {
                    continue;
                }
                try {
                    var stored = json.readTree(row.getString(2));
                    models.restore(model, json.treeToValue(stored.get("weights"), double[].class),
                            json.treeToValue(stored.get("squaredGradients"), double[].class), row.getDouble(3));
                } catch (java.io.IOException e) {
                    throw new SQLException("channel_response_model " + row.getString(1) + " is unreadable", e);
                }
            }
        }
        return models;
    }

    static void saveModels(Connection connection, ResponseModels models, ObjectMapper json, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into channel_response_model (channel_code, weights, observations, updated_at)
                values (?, ?::jsonb, ?, ?)
                on conflict (channel_code) do update
                   set weights = excluded.weights, observations = excluded.observations,
                       updated_at = excluded.updated_at""")) {
            for (int model = 0; model <= ResponseModels.UNCONTACTED; model++) {
                ObjectNode stored = json.createObjectNode();
                stored.set("features", json.valueToTree(Features.NAMES));
                stored.set("weights", json.valueToTree(models.weights(model)));
                stored.set("squaredGradients", json.valueToTree(models.squaredGradients(model)));
                upsert.setString(1, modelCode(model));
                upsert.setString(2, stored.toString());
                upsert.setDouble(3, models.observations(model));
                upsert.setObject(4, now);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The evidence of these customers; a customer without any gets an empty one. */
    static Map<Long, Evidence> loadEvidence(Connection connection, Collection<Long> customerIds) throws SQLException {
        Map<Long, Evidence> evidence = new HashMap<>();
        customerIds.forEach(id -> evidence.put(id, new Evidence()));
        try (PreparedStatement select = connection.prepareStatement("""
                select customer_id, channel_code, successes, failures, contacts
                  from channel_evidence where customer_id = any(?)""")) {
            Array ids = connection.createArrayOf("bigint", customerIds.toArray());
            select.setArray(1, ids);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int model = model(row.getString(2));
                    if (model >= 0) {
                        Evidence customer = evidence.get(row.getLong(1));
                        customer.successes[model] = row.getDouble(3);
                        customer.failures[model] = row.getDouble(4);
                        customer.contacts[model] = row.getInt(5);
                    }
                }
            }
        }
        return evidence;
    }

    /**
     * Every customer's evidence, read in order of customer id beside a cursor in the same order (a merge): a planner
     * streaming a whole population's bills needs no list of their customers and no map of their evidence.
     */
    static EvidenceInOrder evidenceInOrder(Connection connection) throws SQLException {
        PreparedStatement select = connection.prepareStatement("""
                select customer_id, channel_code, successes, failures, contacts
                  from channel_evidence order by customer_id""");
        try {
            select.setFetchSize(10_000);
            return new EvidenceInOrder(select, select.executeQuery());
        } catch (SQLException | RuntimeException e) {
            select.close();
            throw e;
        }
    }

    static final class EvidenceInOrder implements AutoCloseable {

        private final PreparedStatement select;
        private final ResultSet row;
        private boolean more;
        private long lastCustomer = -1;
        private Evidence last;

        private EvidenceInOrder(PreparedStatement select, ResultSet row) throws SQLException {
            this.select = select;
            this.row = row;
            this.more = row.next();
        }

        /** This customer's evidence (empty if none); customers come in ascending order, each as often as needed. */
        Evidence of(long customerId) throws SQLException {
            if (customerId == lastCustomer) {
                return last;
            }
            Evidence customer = new Evidence();
            while (more && row.getLong(1) < customerId) {
                more = row.next();
            }
            while (more && row.getLong(1) == customerId) {
                int model = model(row.getString(2));
                if (model >= 0) {
                    customer.successes[model] = row.getDouble(3);
                    customer.failures[model] = row.getDouble(4);
                    customer.contacts[model] = row.getInt(5);
                }
                more = row.next();
            }
            lastCustomer = customerId;
            last = customer;
            return customer;
        }

        @Override
        public void close() throws SQLException {
            select.close();
        }
    }

    static void saveEvidence(Connection connection, Map<Long, Evidence> evidence) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into channel_evidence (customer_id, channel_code, successes, failures, contacts)
                values (?, ?, ?, ?, ?)
                on conflict (customer_id, channel_code) do update
                   set successes = excluded.successes, failures = excluded.failures, contacts = excluded.contacts""")) {
            for (var entry : evidence.entrySet()) {
                Evidence customer = entry.getValue();
                for (int model = 0; model <= ResponseModels.UNCONTACTED; model++) {
                    if (customer.successes[model] == 0 && customer.failures[model] == 0) {
                        continue;
                    }
                    upsert.setLong(1, entry.getKey());
                    upsert.setString(2, modelCode(model));
                    upsert.setDouble(3, customer.successes[model]);
                    upsert.setDouble(4, customer.failures[model]);
                    upsert.setInt(5, customer.contacts[model]);
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
        }
    }

    private static int model(String code) {
        return UNCONTACTED.equals(code) ? ResponseModels.UNCONTACTED
                : ContactOption.of(code).map(Enum::ordinal).orElse(-1);
    }
}
