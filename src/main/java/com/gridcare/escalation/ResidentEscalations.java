package com.gridcare.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.binding.ResidentAccounts;
import com.gridcare.common.Page;
import com.gridcare.common.ProblemException;
import com.gridcare.common.RateLimiter;
import com.gridcare.staff.GridOwners;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Escalations as the resident has them: opened from the app or handed over by the bot, listed with staff's answers,
 * and rated. An escalation is routed to the staff member who owns the grid area of its account (the general queue
 * when it has no account, or the owner is inactive), carries the conversation so far and is due a first response
 * within the SLA's working time; the resident's rating resolves it (3-5) or puts it back in the queue (1-2). Staff
 * work them in {@link StaffEscalations}.
 */
@ApplicationScoped
public class ResidentEscalations {

    /** Low ratings send the escalation back to the queue. */
    static final int REOPEN_AT_OR_BELOW = 2;

    /** Routed by staff.GridOwners: the customer's grid area and its owner if active; nothing without a customer. */
    private static final String INSERT = """
            insert into escalation (resident_id, customer_id, grid_area_id, assigned_staff_id, channel, reason, status,
                                    conversation, question, due_at, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, 'NEW', $7, $8, $9, $10, $10)
            returning id""";

    /** The resident's latest escalation still with staff, locked: a hand-over adds to it rather than open another. */
    private static final String OPEN_OF_RESIDENT = """
            select id from escalation
             where resident_id = $1 and status in ('NEW', 'CLAIMED', 'REPLIED', 'REOPENED')
             order by created_at desc, id desc
             limit 1
               for update""";

    /** Bounded: a resident who keeps talking to the bot while waiting must not grow one row without end. */
    private static final String APPEND = """
            update escalation set conversation = conversation || $2::jsonb, updated_at = $3
             where id = $1 and jsonb_array_length(conversation) + jsonb_array_length($2::jsonb) <= $4""";

    /** Turns an escalation keeps at most when the bot adds to it (the API takes 50 at a time). */
    static final int MAX_TURNS = 200;

    private static final String MINE = """
            select e.id, e.status, e.reason, e.question, c.account_no, e.created_at, e.due_at, e.rating
              from escalation e left join customer c on c.id = e.customer_id
             where e.resident_id = $1 and (e.created_at, e.id) < ($2, $3)
             order by e.created_at desc, e.id desc
             limit $4""";

    private static final String MY_ONE = """
            select e.id, e.status, e.reason, e.question, c.account_no, e.created_at, e.due_at, e.rating
              from escalation e left join customer c on c.id = e.customer_id
             where e.resident_id = $1 and e.id = $2""";

    private static final String MINE_FOR_UPDATE = """
            select id, status from escalation where id = $1 and resident_id = $2 for update""";

    private static final String REOPEN = """
            update escalation e
               set status = 'REOPENED', rating = $2, due_at = $3, overdue = false, claimed_by = null, claimed_at = null,
                   first_response_at = null, resolved_at = null, updated_at = $4,
                   assigned_staff_id = (select case when s.active then g.owner_staff_id end
                                          from grid_area g join staff s on s.id = g.owner_staff_id
                                         where g.id = e.grid_area_id)
             where e.id = $1""";

    private static final String RESOLVE_BY_RATING = """
            update escalation set status = 'RESOLVED', rating = $2, resolved_at = coalesce(resolved_at, $3),
                   updated_at = $3
             where id = $1""";

    private final Pool pool;
    private final ResidentAccounts residentAccounts;
    private final GridOwners owners;
    private final RateLimiter limiter;
    private final Clock clock;
    private final EscalationConfig config;
    private final WorkingHours workingHours;

    public ResidentEscalations(Pool pool, ResidentAccounts residentAccounts, GridOwners owners, RateLimiter limiter,
            Clock clock, EscalationConfig config) {
        this.pool = pool;
        this.residentAccounts = residentAccounts;
        this.owners = owners;
        this.limiter = limiter;
        this.clock = clock;
        this.config = config;
        this.workingHours = new WorkingHours(this.config.workdayStart(), this.config.workdayEnd());
    }

    /**
     * Opens an escalation for the resident. {@code customerId} is an account the caller has checked is theirs; when
     * null, the resident's only bound account is used if they have exactly one.
     */
    public Uni<MyEscalation> escalate(long residentId, Long customerId, String channel, EscalationReason reason,
            String question, List<Turn> conversation) {
        return open(pool, residentId, customerId, channel, reason, question, conversation)
                .chain(id -> mine(residentId, id));
    }

    /** What a hand-over from the bot did: opened an escalation, or added the conversation to one already open. */
    public record HandOver(long escalationId, boolean opened) {
    }

    /**
     * The bot hands the conversation to a person: a new escalation as {@link #escalate} opens it or, while the
     * resident has one with staff still (new, claimed, replied or reopened), the conversation added to that one, so
     * that staff get one case per resident and the resident is not counted against the hourly limit for it. The
     * resident's row is locked first, so hand-overs of one resident at two instances at once cannot both open one.
     */
    public Uni<HandOver> handOver(long residentId, Long customerId, String channel, EscalationReason reason,
            String question, List<Turn> conversation) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select id from resident where id = $1 for update").execute(Tuple.of(residentId))
                .chain(() -> connection.preparedQuery(OPEN_OF_RESIDENT).execute(Tuple.of(residentId)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return open(connection, residentId, customerId, channel, reason, question, conversation)
                                .map(id -> new HandOver(id, true));
                    }
                    long id = rows.iterator().next().getLong("id");
                    return connection.preparedQuery(APPEND)
                            .execute(Tuple.of(id, json(conversation), OffsetDateTime.now(clock), MAX_TURNS))
                            .map(appended -> new HandOver(id, false));
                }));
    }

    /** Checks the hourly limit, routes and inserts; the new escalation's id. */
    private Uni<Long> open(SqlClient client, long residentId, Long customerId, String channel, EscalationReason reason,
            String question, List<Turn> conversation) {
        return limiter.tryAcquire("escalations:" + residentId, config.perResidentPerHour(), Duration.ofHours(1))
                .chain(allowed -> {
                    if (!allowed) {
                        throw ProblemException.tooManyRequests("You have asked for a person many times this hour; "
                                + "staff will answer the questions you already sent.");
                    }
                    return customerId != null ? Uni.createFrom().item(customerId)
                            : onlyBoundAccount(client, residentId);
                })
                .chain(customer -> owners.route(client, customer).chain(route -> {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] { residentId, customer,
                            route.gridAreaId(), route.staffId(), channel, reason.name(), json(conversation),
                            question.strip(), due(now), now }));
                }))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Uni<Page<MyEscalation>> mine(long residentId, String cursor, Integer requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Page.TimeAndId before = Page.timeAndId(cursor, Page.TimeAndId.NEWEST);
        return pool.withConnection(connection -> connection.preparedQuery(MINE)
                .execute(Tuple.of(residentId, before.time(), before.id(), limit + 1))
                .chain(rows -> {
                    List<Row> fetched = new ArrayList<>();
                    rows.forEach(fetched::add);
                    Page<Row> page = Page.of(fetched, limit, row -> new Page.TimeAndId(
                            row.getOffsetDateTime("created_at"), row.getLong("id")).parts());
                    return withReplies(connection, page.items()).map(items -> new Page<>(items, page.nextCursor()));
                }));
    }

    /** 3-5 resolves the escalation; 1-2 puts it back in its queue with a new first-response due time. */
    public Uni<MyEscalation> rate(long residentId, long escalationId, int rating) {
        return pool.withTransaction(connection -> connection.preparedQuery(MINE_FOR_UPDATE)
                .execute(Tuple.of(escalationId, residentId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No such escalation among yours.");
                    }
                    EscalationStatus status = EscalationStatus.valueOf(rows.iterator().next().getString("status"));
                    if (!status.rateable()) {
                        throw EscalationStatus.illegal("A " + status + " escalation has no answer to rate yet.");
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    return rating <= REOPEN_AT_OR_BELOW
                            ? connection.preparedQuery(REOPEN).execute(Tuple.of(escalationId, rating, due(now), now))
                            : connection.preparedQuery(RESOLVE_BY_RATING).execute(Tuple.of(escalationId, rating, now));
                }))
                .chain(() -> mine(residentId, escalationId));
    }

    private Uni<MyEscalation> mine(long residentId, long escalationId) {
        return pool.withConnection(connection -> connection.preparedQuery(MY_ONE)
                .execute(Tuple.of(residentId, escalationId))
                .chain(rows -> {
                    List<Row> found = new ArrayList<>();
                    rows.forEach(found::add);
                    return withReplies(connection, found);
                })
                .map(items -> items.get(0)));
    }

    private Uni<Long> onlyBoundAccount(SqlClient client, long residentId) {
        return residentAccounts.of(client, residentId)
                .map(accounts -> accounts.size() == 1 ? accounts.get(0).customerId() : null);
    }

    private static Uni<List<MyEscalation>> withReplies(SqlConnection connection, List<Row> escalations) {
        Long[] ids = escalations.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
        return EscalationReplies.of(connection, ids, true).map(replies -> {
            List<MyEscalation> result = new ArrayList<>();
            for (Row row : escalations) {
                long id = row.getLong("id");
                result.add(new MyEscalation(id, EscalationStatus.valueOf(row.getString("status")),
                        EscalationReason.valueOf(row.getString("reason")), row.getString("question"),
                        row.getString("account_no"), row.getOffsetDateTime("created_at"),
                        row.getOffsetDateTime("due_at"), replies.getOrDefault(id, List.of()),
                        row.getInteger("rating")));
            }
            return result;
        });
    }

    private OffsetDateTime due(OffsetDateTime now) {
        ZonedDateTime local = now.atZoneSameInstant(clock.getZone());
        return workingHours.plus(local, config.firstResponse()).toOffsetDateTime();
    }

    private static JsonArray json(List<Turn> conversation) {
        JsonArray turns = new JsonArray();
        if (conversation != null) {
            for (Turn turn : conversation) {
                JsonObject json = new JsonObject().put("from", turn.from().name()).put("text", turn.text());
                Optional.ofNullable(turn.topicId()).ifPresent(topic -> json.put("topicId", topic));
                Optional.ofNullable(turn.confidence()).ifPresent(confidence -> json.put("confidence", confidence));
                Optional.ofNullable(turn.at()).ifPresent(at -> json.put("at", at.toString()));
                turns.add(json);
            }
        }
        return turns;
    }
}
