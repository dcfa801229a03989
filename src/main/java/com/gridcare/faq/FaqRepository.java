package com.gridcare.faq;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The knowledge base in PostgreSQL: {@code faq_entry} holds the current version of each topic and
 * {@code faq_entry_history} every version ever written, the current one included.
 */
@ApplicationScoped
class FaqRepository {

    private static final String COLUMNS = "topic_id, title, answer, phrasings, status, version, updated_at";
    private static final String SNAPSHOT = """
            insert into faq_entry_history (topic_id, version, title, answer, phrasings, status, updated_by, updated_at)
            select topic_id, version, title, answer, phrasings, status, updated_by, updated_at
              from faq_entry where topic_id = $1""";

    private final Pool pool;

    FaqRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<List<FaqEntry>> all() {
        return pool.query("select " + COLUMNS + " from faq_entry order by topic_id").execute().map(FaqRepository::entries);
    }

    Uni<List<FaqEntry>> history(String topicId) {
        return pool.preparedQuery("select " + COLUMNS + " from faq_entry_history where topic_id = $1 order by version")
                .execute(Tuple.of(topicId)).map(FaqRepository::entries);
    }

    /** Adds the topics not in the table yet (version 1); leaves existing ones, edited or retired, as they are. */
    Uni<Integer> insertMissing(List<NewFaqEntry> entries) {
        return pool.withTransaction(connection -> connection.query("select topic_id from faq_entry").execute()
                .flatMap(rows -> {
                    List<String> present = new ArrayList<>();
                    rows.forEach(row -> present.add(row.getString(0)));
                    List<NewFaqEntry> missing = entries.stream().filter(e -> !present.contains(e.topicId())).toList();
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (NewFaqEntry entry : missing) {
                        chain = chain.flatMap(count -> insert(connection, entry.topicId(), entry.content())
                                .map(inserted -> count + 1));
                    }
                    return chain;
                }));
    }

    /** The new entry, or null when the topic exists already. */
    Uni<FaqEntry> create(String topicId, FaqEntryContent content) {
        return pool.withTransaction(connection -> insert(connection, topicId, content));
    }

    /** The new version, active again if it was retired; null when there is no such topic. */
    Uni<FaqEntry> update(String topicId, FaqEntryContent content) {
        return write("""
                update faq_entry set title = $2, answer = $3, phrasings = $4, status = 'ACTIVE', version = version + 1,
                       updated_at = now()
                 where topic_id = $1 returning\s""" + COLUMNS,
                Tuple.of(topicId, content.title(), content.answer(), content.phrasings().toArray(String[]::new)));
    }

    /** The retired version; null when there is no active topic of that id. */
    Uni<FaqEntry> retire(String topicId) {
        return write("""
                update faq_entry set status = 'RETIRED', version = version + 1, updated_at = now()
                 where topic_id = $1 and status = 'ACTIVE' returning\s""" + COLUMNS, Tuple.of(topicId));
    }

    private Uni<FaqEntry> write(String sql, Tuple arguments) {
        return pool.withTransaction(connection -> connection.preparedQuery(sql).execute(arguments)
                .flatMap(rows -> {
                    List<FaqEntry> written = entries(rows);
                    return written.isEmpty() ? Uni.createFrom().nullItem()
                            : snapshot(connection, written.get(0).topicId()).replaceWith(written.get(0));
                }));
    }

    private static Uni<FaqEntry> insert(SqlClient connection, String topicId, FaqEntryContent content) {
        return connection.preparedQuery("""
                insert into faq_entry (topic_id, title, answer, phrasings, status, version)
                values ($1, $2, $3, $4, 'ACTIVE', 1)
                on conflict (topic_id) do nothing returning\s""" + COLUMNS)
                .execute(Tuple.of(topicId, content.title(), content.answer(), content.phrasings().toArray(String[]::new)))
                .flatMap(rows -> {
                    List<FaqEntry> inserted = entries(rows);
                    return inserted.isEmpty() ? Uni.createFrom().nullItem()
                            : snapshot(connection, topicId).replaceWith(inserted.get(0));
                });
    }

    private static Uni<Void> snapshot(SqlClient connection, String topicId) {
        return connection.preparedQuery(SNAPSHOT).execute(Tuple.of(topicId)).replaceWithVoid();
    }

    private static List<FaqEntry> entries(RowSet<Row> rows) {
        List<FaqEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            entries.add(new FaqEntry(row.getString("topic_id"), row.getString("title"), row.getString("answer"),
                    Arrays.asList(row.getArrayOfStrings("phrasings")), row.getString("status"),
                    row.getInteger("version"), row.get(OffsetDateTime.class, "updated_at")));
        }
        return entries;
    }
}
