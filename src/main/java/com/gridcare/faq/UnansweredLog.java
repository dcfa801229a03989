package com.gridcare.faq;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Questions answered with low confidence, judged out of scope, or rated unhelpful, ranked for staff by how often
 * their normalised form comes back, until a topic written for one takes it off the list. Residents type account,
 * phone and ID numbers into questions: runs of six or more digits are masked before anything is stored.
 */
@ApplicationScoped
public class UnansweredLog {

    public static final int MAX_LIMIT = 200;
    private static final Logger LOG = Logger.getLogger(UnansweredLog.class);
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{6,}");

    /** Unanswered questions grouped by normalised form, with the latest way it was asked and counts per reason. */
    private static final String GROUPS = """
            select normalised, (array_agg(question order by created_at desc))[1] as example, count(*) as total,
                   count(*) filter (where reason = 'NOT_SURE') as not_sure,
                   count(*) filter (where reason = 'OUT_OF_SCOPE') as out_of_scope,
                   count(*) filter (where reason = 'UNHELPFUL') as unhelpful,
                   max(created_at) as last_asked_at
              from faq_unanswered
            """;

    private final Pool pool;
    private final FaqEngine engine;

    UnansweredLog(Pool pool, FaqEngine engine) {
        this.pool = pool;
        this.engine = engine;
    }

    /** Records the question; a failure is logged, never passed on: the resident's answer matters more. */
    Uni<Void> record(String question, String normalised, FaqMatch.Outcome outcome, String topicId, double confidence) {
        String reason = outcome == FaqMatch.Outcome.OUT_OF_SCOPE ? "OUT_OF_SCOPE" : "NOT_SURE";
        return insert(question, normalised, reason, topicId, confidence);
    }

    /** Stores an unhelpful rating (a helpful one teaches staff nothing here). */
    public Uni<Void> feedback(FeedbackRequest feedback) {
        if (feedback.helpful()) {
            return Uni.createFrom().voidItem();
        }
        return insert(feedback.question(), engine.normalise(feedback.question()), "UNHELPFUL", feedback.topicId(), null);
    }

    /** The most frequent unanswered questions not handled yet, most frequent first, then the most recent. */
    public Uni<List<UnansweredQuestion>> ranked(int limit) {
        return pool.preparedQuery(GROUPS + """
                 where handled_at is null
                 group by normalised
                 order by total desc, last_asked_at desc
                 limit $1""").execute(Tuple.of(limit)).map(UnansweredLog::questions);
    }

    /** One question of the list by its normalised form; null when it is not (or no longer) on it. */
    public Uni<UnansweredQuestion> question(String normalised) {
        return pool.preparedQuery(GROUPS + """
                 where handled_at is null and normalised = $1
                 group by normalised""").execute(Tuple.of(normalised))
                .map(rows -> questions(rows).stream().findFirst().orElse(null));
    }

    /** A topic now answers the question: it leaves the list (until residents ask it that way again). */
    Uni<Void> handled(String normalised, String topicId) {
        return pool.preparedQuery("""
                update faq_unanswered set handled_at = now(), handled_topic_id = $2
                 where normalised = $1 and handled_at is null""").execute(Tuple.of(normalised, topicId))
                .replaceWithVoid();
    }

    private static List<UnansweredQuestion> questions(RowSet<Row> rows) {
        List<UnansweredQuestion> questions = new ArrayList<>();
        for (Row row : rows) {
            questions.add(new UnansweredQuestion(row.getString("normalised"), row.getString("example"),
                    row.getLong("total"), row.getLong("not_sure"), row.getLong("out_of_scope"),
                    row.getLong("unhelpful"), row.get(OffsetDateTime.class, "last_asked_at")));
        }
        return questions;
    }

    private Uni<Void> insert(String question, String normalised, String reason, String topicId, Double confidence) {
        return pool.preparedQuery("""
                insert into faq_unanswered (question, normalised, reason, topic_id, confidence)
                values ($1, $2, $3, $4, $5)""")
                .execute(Tuple.of(mask(question), mask(normalised), reason, topicId,
                        confidence == null ? null : confidence.floatValue()))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Could not log an unanswered question: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private static String mask(String text) {
        return LONG_NUMBER.matcher(text).replaceAll("******");
    }
}
