package com.gridcare.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class DatasetStatusService {

    /** The tables an operator watches. Their sizes come from planner statistics: exact counts would scan 10^8 rows. */
    static final List<String> TABLES = List.of("district", "staff", "grid_area", "substation", "feeder",
            "transformer_area", "customer", "meter", "monthly_reading", "daily_reading", "bill", "payment");

    private final Pool pool;

    public DatasetStatusService(Pool pool) {
        this.pool = pool;
    }

    /** Reads one after another: a reactive session must not run two queries at once. */
    @WithSession
    public Uni<DatasetStatus> status() {
        return DatasetGenerationRecord.<DatasetGenerationRecord>findById(1)
                .flatMap(record -> DatasetGenerationStepRecord.<DatasetGenerationStepRecord>list("order by completedAt")
                        .flatMap(steps -> estimatedRows().map(rows -> new DatasetStatus(generation(record),
                                steps.stream().map(r -> new DatasetStatus.Step(r.step, r.rowsLoaded, r.copyMillis, r.millis,
                                        r.completedAt)).toList(),
                                rows))));
    }

    private static DatasetStatus.Generation generation(DatasetGenerationRecord record) {
        return record == null ? null
                : new DatasetStatus.Generation(record.seed, record.scale, record.asOf, record.status,
                        record.startedAt, record.finishedAt);
    }

    private Uni<Map<String, Long>> estimatedRows() {
        return pool.preparedQuery("""
                select c.relname, greatest(c.reltuples, 0)::bigint as estimate
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = current_schema() and c.relkind = 'r' and c.relname = any($1)""")
                .execute(Tuple.of(TABLES.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Long> byTable = new LinkedHashMap<>();
                    TABLES.forEach(table -> byTable.put(table, 0L));
                    for (Row row : rows) {
                        byTable.put(row.getString("relname"), row.getLong("estimate"));
                    }
                    return byTable;
                });
    }
}
