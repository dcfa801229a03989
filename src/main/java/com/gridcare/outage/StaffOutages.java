package com.gridcare.outage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.gridcare.common.Page;
import com.gridcare.common.Problem;
import com.gridcare.common.ProblemException;
import com.gridcare.outage.OutageChanged.Change;
import com.gridcare.staff.StaffAudit;
import com.gridcare.staff.StaffMember;
import com.gridcare.staff.StaffRole;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Outages as staff manage them: create (a draft), edit, publish, move the estimate, restore (at once or area by area),
 * cancel, close, and confirm or dismiss what detection suspected. Every change is made on the version the staff
 * member saw (409 with what changed since, otherwise), audited, kept as a revision with its field changes, and, once
 * committed, invalidates the residents' cached answers and fires {@link OutageChanged}.
 * <p>
 * <b>Who may manage what</b> ({@link #IN_REACH}): an outage is an agent's when every transformer area it names lies in
 * the grid area they own and it names no feeder; a supervisor's when every feeder (by its substation) and every
 * transformer area lies in their district; an administrator's always. A feeder runs through several grid areas (and
 * feeds high-voltage customers of other staff), so an outage naming one is its district's supervisor's matter, and
 * an administrator's when its scope spans districts. Outages beyond one's reach answer 404, as escalations do.
 */
@ApplicationScoped
public class StaffOutages {

    /** What the list shows unless asked otherwise: the outages still needing work. */
    public static final List<OutageStatus> OPEN = List.of(OutageStatus.SUSPECTED, OutageStatus.DRAFT,
            OutageStatus.PUBLISHED, OutageStatus.RESTORED);

    /** Over {@code outage o}: $1 role, $2 district, $3 grid area (see the class comment). */
    static final String IN_REACH = """
            ($1 = 'ADMIN' or not exists (
                select 1
                  from outage_scope rs
                  left join feeder rf on rf.id = rs.feeder_id
                  left join substation rss on rss.id = rf.substation_id
                  left join transformer_area rt on rt.id = rs.transformer_area_id
                  left join grid_area rg on rg.id = rt.grid_area_id
                 where rs.outage_id = o.id
                   and (($1 = 'SUPERVISOR' and coalesce(rss.district_id, rg.district_id) is distinct from $2)
                        or ($1 = 'AGENT' and (rs.feeder_id is not null or rt.grid_area_id is distinct from $3)))))""";

    private static final String COLUMNS = """
            select o.id, o.kind, o.status, o.version, o.cause, o.description, o.crew_contact, o.starts_at,
                   o.estimated_restore_at, o.restored_at, o.published_at, o.updated_at
              from outage o
            """;

    private static final String ONE = COLUMNS + " where o.id = $4 and " + IN_REACH;

    private static final String LOCK = ONE + " for update of o";

    /** Keyset on (starts_at, id) before ($6, $7): latest start first. */
    private static final String LIST = """
            select o.id, o.kind, o.status, o.version, o.cause, o.description, o.starts_at, o.estimated_restore_at,
                   o.restored_at,
                   (select count(*) from customer c
                     where c.status <> 'CLOSED'
                       and (c.feeder_id in (select s.feeder_id from outage_scope s where s.outage_id = o.id)
                            or c.transformer_area_id in (select s.transformer_area_id from outage_scope s
                                                          where s.outage_id = o.id))) as affected
              from outage o
             where """ + IN_REACH + """

               and o.status = any($4) and ($5::text is null or o.kind = $5::text) and (o.starts_at, o.id) < ($6, $7)
             order by o.starts_at desc, o.id desc
             limit $8""";

    private static final String SCOPE = """
            select s.feeder_id, f.code as feeder_code, f.name as feeder_name,
                   s.transformer_area_id, t.code as area_code, t.name as area_name
              from outage_scope s
              left join feeder f on f.id = s.feeder_id
              left join transformer_area t on t.id = s.transformer_area_id
             where s.outage_id = $1
             order by f.code nulls last, t.code""";

    private static final String RESTORED = """
            select r.transformer_area_id, t.code, t.name, r.restored_at
              from outage_area_restoration r join transformer_area t on t.id = r.transformer_area_id
             where r.outage_id = $1
             order by r.restored_at, t.code""";

    /** Every transformer area the outage covers: named in its scope, or on one of its feeders. */
    private static final String COVERED_AREAS = """
            select t.id, t.code, t.name
              from transformer_area t
             where t.id in (select s.transformer_area_id from outage_scope s where s.outage_id = $1)
                or t.feeder_id in (select s.feeder_id from outage_scope s where s.outage_id = $1)
             order by t.code""";

    private static final String AFFECTED = """
            select count(*) from customer c
             where c.status <> 'CLOSED' and (c.feeder_id = any($1) or c.transformer_area_id = any($2))""";

    private static final String HISTORY = """
            select version, action, staff_no, changes, at from outage_revision where outage_id = $1 order by version""";

    private static final String CHANGED_SINCE = """
            select version, staff_no, changes, at from outage_revision where outage_id = $1 and version > $2
             order by version""";

    private final Pool pool;
    private final OutageService outages;
    private final StaffAudit audit;
    private final Event<OutageChanged> events;
    private final Clock clock;

    public StaffOutages(Pool pool, OutageService outages, StaffAudit audit, Event<OutageChanged> events, Clock clock) {
        this.pool = pool;
        this.outages = outages;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The outages within the staff member's reach in {@code statuses} (and of {@code kind}, if given), latest first. */
    public Uni<Page<StaffOutageItem>> list(StaffMember staff, List<OutageStatus> statuses, OutageKind kind,
            String cursor, Integer requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Page.TimeAndId before = Page.timeAndId(cursor, Page.TimeAndId.NEWEST);
        return pool.preparedQuery(LIST).execute(reach(staff)
                .addArrayOfString(statuses.stream().map(Enum::name).toArray(String[]::new))
                .addString(kind == null ? null : kind.name()).addOffsetDateTime(before.time()).addLong(before.id())
                .addInteger(limit + 1))
                .map(rows -> {
                    List<StaffOutageItem> items = new ArrayList<>();
                    rows.forEach(row -> items.add(new StaffOutageItem(row.getLong("id"),
                            OutageKind.valueOf(row.getString("kind")), OutageStatus.valueOf(row.getString("status")),
                            row.getInteger("version"), row.getString("cause"), row.getString("description"),
                            row.getOffsetDateTime("starts_at"), row.getOffsetDateTime("estimated_restore_at"),
                            row.getOffsetDateTime("restored_at"), row.getLong("affected"))));
                    return Page.of(items, limit, item -> new Page.TimeAndId(item.startsAt(), item.id()).parts());
                });
    }

    /** One outage with its scope, affected customers and history; 404 beyond the staff member's reach. */
    public Uni<StaffOutage> detail(StaffMember staff, long outageId) {
        return pool.withConnection(connection -> load(connection, staff, outageId));
    }

    /** The customers a scope covers, computed from the network; unknown codes are refused as they would be on saving. */
    public Uni<ScopePreview> preview(ScopeRequest request) {
        return pool.withConnection(connection -> resolve(connection, request.feeders(), request.transformerAreas())
                .chain(scope -> affected(connection, scope).map(count -> new ScopePreview(count, scope.entries()))));
    }

    /** A new DRAFT outage, made by the staff member within their reach; nothing is announced until it is published. */
    public Uni<StaffOutage> create(StaffMember staff, OutageDraft draft) {
        OffsetDateTime now = now();
        return pool.withTransaction(connection -> resolve(connection, draft.feeders(), draft.transformerAreas())
                .chain(scope -> {
                    Fields fields = new Fields(draft.kind(), OutageStatus.DRAFT, draft.startsAt(),
                            draft.estimatedRestoreAt(), null, null,
                            draft.cause() == null ? OutageDraft.UNKNOWN_CAUSE : draft.cause(), draft.description().strip(),
                            blankToNull(draft.crewContact()), scope, List.of());
                    checkWindow(fields, null, now);
                    checkReach(staff, scope);
                    return connection.preparedQuery("""
                            insert into outage (kind, status, cause, description, starts_at, estimated_restore_at,
                                                crew_contact, version, created_at, updated_at)
                            values ($1, 'DRAFT', $2, $3, $4, $5, $6, 1, $7, $7) returning id""")
                            .execute(Tuple.from(new Object[] { fields.kind().name(), fields.cause(),
                                    fields.description(), fields.startsAt(), fields.estimatedRestoreAt(),
                                    fields.crewContact(), now }))
                            .map(rows -> rows.iterator().next().getLong("id"))
                            .call(id -> insertScope(connection, id, scope))
                            .call(id -> revision(connection, staff, id, 1, "CREATE", fields.changesFrom(null), now))
                            .call(id -> audit.record(connection, staff, StaffAudit.Action.CREATE_OUTAGE, subject(id),
                                    null));
                }))
                // a draft is invisible to residents and to the features following outages: no event to fire
                .call(id -> outages.outagesChanged(id))
                .chain(id -> detail(staff, id));
    }

    /** Scope, window, cause, description or crew contact of an outage still open to edits. */
    public Uni<StaffOutage> edit(StaffMember staff, long outageId, OutageEdit edit) {
        return change(staff, outageId, edit.version(), StaffAudit.Action.EDIT_OUTAGE, "EDIT",
                (connection, before, now) -> {
                    if (!before.status().editable()) {
                        throw OutageProblems.illegal("A " + before.status() + " outage cannot be edited.");
                    }
                    return edited(connection, staff, before, edit, before.status(), now).map(after -> {
                        boolean onlyEstimate = after.changesFrom(before).fieldNames()
                                .equals(Set.of("estimatedRestoreAt"));
                        return new Outcome(after, onlyEstimate && before.status() == OutageStatus.PUBLISHED
                                && current(before, now) ? Change.ESTIMATE_MOVED : Change.EDITED);
                    });
                });
    }

    /** A draft goes out to residents (and to the features that notify them). */
    public Uni<StaffOutage> publish(StaffMember staff, long outageId, int version) {
        return change(staff, outageId, version, StaffAudit.Action.PUBLISH_OUTAGE, "PUBLISH",
                (connection, before, now) -> {
                    if (before.status() != OutageStatus.DRAFT) {
                        throw OutageProblems.illegal("Only a draft can be published; this outage is "
                                + before.status() + ".");
                    }
                    checkEstimateAhead(before.estimatedRestoreAt(), now);
                    return done(new Outcome(before.published(now), Change.PUBLISHED));
                });
    }

    /** Detection's suspicion holds: published as it is, or with the scope, cause or estimate staff corrected. */
    public Uni<StaffOutage> confirm(StaffMember staff, long outageId, OutageEdit edit) {
        return change(staff, outageId, edit.version(), StaffAudit.Action.CONFIRM_OUTAGE, "CONFIRM",
                (connection, before, now) -> {
                    if (before.status() != OutageStatus.SUSPECTED) {
                        throw OutageProblems.illegal("Only a suspected outage can be confirmed; this one is "
                                + before.status() + ".");
                    }
                    return edited(connection, staff, before, edit, OutageStatus.PUBLISHED, now).map(after -> {
                        checkEstimateAhead(after.estimatedRestoreAt(), now);
                        return new Outcome(after.published(now), Change.PUBLISHED);
                    });
                });
    }

    /** Detection's suspicion was wrong: no outage. */
    public Uni<StaffOutage> dismiss(StaffMember staff, long outageId, int version) {
        return simpleMove(staff, outageId, version, StaffAudit.Action.DISMISS_OUTAGE, "DISMISS",
                OutageStatus.SUSPECTED, OutageStatus.DISMISSED, Change.DISMISSED);
    }

    /** The estimated restoration of a current unplanned outage moved. */
    public Uni<StaffOutage> moveEstimate(StaffMember staff, long outageId, EstimateUpdate update) {
        return change(staff, outageId, update.version(), StaffAudit.Action.MOVE_OUTAGE_ESTIMATE, "MOVE_ESTIMATE",
                (connection, before, now) -> {
                    if (before.kind() != OutageKind.UNPLANNED || before.status() != OutageStatus.PUBLISHED
                            || !current(before, now)) {
                        throw OutageProblems.illegal("Only a current, published unplanned outage has an estimate to "
                                + "move; edit a planned outage's window instead.");
                    }
                    Fields after = before.withEstimate(update.estimatedRestoreAt());
                    checkWindow(after, before, now);
                    return done(new Outcome(after, Change.ESTIMATE_MOVED));
                });
    }

    /**
     * Power is back in the transformer areas named, or everywhere when none are: the outage is RESTORED once every
     * area it covers is. Customers hanging directly off a feeder in scope (high voltage) have power back with the
     * whole outage.
     */
    public Uni<StaffOutage> restore(StaffMember staff, long outageId, RestoreRequest request) {
        boolean whole = request.transformerAreas() == null || request.transformerAreas().isEmpty();
        return change(staff, outageId, request.version(), StaffAudit.Action.RESTORE_OUTAGE,
                whole ? "RESTORE" : "RESTORE_AREAS", (connection, before, now) -> {
                    if (before.status() != OutageStatus.PUBLISHED || !current(before, now)) {
                        throw OutageProblems.illegal("Only a published outage that has started can be restored.");
                    }
                    return connection.preparedQuery(COVERED_AREAS).execute(Tuple.of(before.id())).map(rows -> {
                        Map<String, Ref> covered = new LinkedHashMap<>();
                        rows.forEach(row -> covered.put(row.getString("code"), new Ref(row.getInteger("id"),
                                row.getString("code"), row.getString("name"))));
                        Set<Ref> restored = new LinkedHashSet<>(before.restored());
                        if (whole) {
                            restored.addAll(covered.values());
                        } else {
                            List<String> unknown = request.transformerAreas().stream()
                                    .filter(code -> !covered.containsKey(code)).toList();
                            if (!unknown.isEmpty()) {
                                throw OutageProblems.invalid("unknown-scope", "transformerAreas",
                                        "Not covered by this outage: " + String.join(", ", unknown));
                            }
                            request.transformerAreas().forEach(code -> restored.add(covered.get(code)));
                        }
                        boolean all = restored.containsAll(covered.values());
                        Fields after = before.withRestored(List.copyOf(restored));
                        return all ? new Outcome(after.restoredAt(now), Change.RESTORED)
                                : new Outcome(after, Change.PARTLY_RESTORED);
                    });
                });
    }

    /** A draft or published outage that will not happen (or did not): residents already told hear it is off. */
    public Uni<StaffOutage> cancel(StaffMember staff, long outageId, int version) {
        return change(staff, outageId, version, StaffAudit.Action.CANCEL_OUTAGE, "CANCEL",
                (connection, before, now) -> {
                    if (before.status() != OutageStatus.DRAFT && before.status() != OutageStatus.PUBLISHED) {
                        throw OutageProblems.illegal("A " + before.status() + " outage cannot be cancelled.");
                    }
                    return done(new Outcome(before.withStatus(OutageStatus.CANCELLED), Change.CANCELLED));
                });
    }

    /** A restored outage's follow-up is done. */
    public Uni<StaffOutage> close(StaffMember staff, long outageId, int version) {
        return simpleMove(staff, outageId, version, StaffAudit.Action.CLOSE_OUTAGE, "CLOSE", OutageStatus.RESTORED,
                OutageStatus.CLOSED, Change.CLOSED);
    }

    private Uni<StaffOutage> simpleMove(StaffMember staff, long outageId, int version, StaffAudit.Action action,
            String revision, OutageStatus from, OutageStatus to, Change change) {
        return change(staff, outageId, version, action, revision, (connection, before, now) -> {
            if (before.status() != from) {
                throw OutageProblems.illegal("Only a " + from + " outage can be " + to.name().toLowerCase()
                        + "; this one is " + before.status() + ".");
            }
            return done(new Outcome(before.withStatus(to), change));
        });
    }

    // ---- the change machinery: lock, check the version, apply, write the difference, audit; then tell others

    @FunctionalInterface
    private interface Step {
        Uni<Outcome> apply(SqlClient connection, Fields before, OffsetDateTime now);
    }

    /** The outage as a step leaves it, and what others are told happened. */
    private record Outcome(Fields after, Change change) {
    }

    private Uni<StaffOutage> change(StaffMember staff, long outageId, int version, StaffAudit.Action action,
            String revisionAction, Step step) {
        OffsetDateTime now = now();
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK)
                .execute(reach(staff).addLong(outageId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw OutageProblems.notFound();
                    }
                    Row row = rows.iterator().next();
                    return fields(connection, row).chain(before -> {
                        int current = row.getInteger("version");
                        if (current != version) {
                            return stale(connection, before, version, current);
                        }
                        return step.apply(connection, before, now).call(outcome -> write(connection, staff, before,
                                outcome.after(), current + 1, revisionAction, now))
                                .call(() -> audit.record(connection, staff, action, subject(outageId), null))
                                .map(outcome -> new OutageChanged(outageId, current + 1, outcome.change()));
                    });
                }))
                .call(changed -> outages.outagesChanged(outageId))
                .invoke(changed -> events.fireAsync(changed))
                .chain(changed -> detail(staff, outageId));
    }

    /** Writes what differs between {@code before} and {@code after}, and the revision that says so. */
    private Uni<Void> write(SqlClient connection, StaffMember staff, Fields before, Fields after, int version,
            String action, OffsetDateTime now) {
        long id = before.id();
        Uni<Void> scope = after.scope().equals(before.scope()) ? Uni.createFrom().voidItem()
                : connection.preparedQuery("delete from outage_scope where outage_id = $1").execute(Tuple.of(id))
                        .chain(() -> insertScope(connection, id, after.scope()));
        List<Ref> newlyRestored = after.restored().stream().filter(ref -> !before.restored().contains(ref)).toList();
        Uni<Void> restored = newlyRestored.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("""
                        insert into outage_area_restoration (outage_id, transformer_area_id, restored_at)
                        select $1::bigint, unnest($2::int[]), $3::timestamptz""").execute(Tuple.of(id,
                        newlyRestored.stream().map(Ref::id).toArray(Integer[]::new), now)).replaceWithVoid();
        return connection.preparedQuery("""
                update outage set status = $2, starts_at = $3, estimated_restore_at = $4, restored_at = $5,
                       published_at = $6, cause = $7, description = $8, crew_contact = $9, version = $10,
                       updated_at = $11
                 where id = $1""").execute(Tuple.from(new Object[] { id, after.status().name(), after.startsAt(),
                after.estimatedRestoreAt(), after.restoredAt(), after.publishedAt(), after.cause(), after.description(),
                after.crewContact(), version, now }))
                .chain(() -> scope).chain(() -> restored)
                .chain(() -> revision(connection, staff, id, version, action, after.changesFrom(before), now));
    }

    private Uni<Void> revision(SqlClient connection, StaffMember staff, long outageId, int version, String action,
            JsonObject changes, OffsetDateTime now) {
        return connection.preparedQuery("""
                insert into outage_revision (outage_id, version, action, staff_id, staff_no, changes, at)
                values ($1, $2, $3, $4, $5, $6, $7)""").execute(Tuple.from(new Object[] { outageId, version, action,
                staff.id(), staff.staffNo(), changes, now })).replaceWithVoid();
    }

    /** 409 naming each field changed since {@code requested}, with its value now and the last change's author. */
    private static <T> Uni<T> stale(SqlClient connection, Fields now, int requested, int current) {
        return connection.preparedQuery(CHANGED_SINCE).execute(Tuple.of(now.id(), requested)).map(rows -> {
            Map<String, OutageConflict.FieldChange> changes = new LinkedHashMap<>();
            JsonObject values = now.changesFrom(null);
            for (Row row : rows) {
                for (String field : row.getJsonObject("changes").fieldNames()) {
                    changes.remove(field); // the latest change of a field last
                    changes.put(field, new OutageConflict.FieldChange(field, plain(values.getValue(field)),
                            row.getInteger("version"), row.getString("staff_no"), row.getOffsetDateTime("at")));
                }
            }
            throw new OutageProblems.Stale(requested, current, List.copyOf(changes.values()));
        });
    }

    // ---- reading

    private Uni<StaffOutage> load(SqlClient client, StaffMember staff, long outageId) {
        return client.preparedQuery(ONE).execute(reach(staff).addLong(outageId)).chain(rows -> {
            if (rows.size() == 0) {
                throw OutageProblems.notFound();
            }
            Row row = rows.iterator().next();
            return fields(client, row).chain(fields -> affected(client, fields.scope())
                    .chain(count -> client.preparedQuery(RESTORED).execute(Tuple.of(outageId)).chain(restored ->
                            client.preparedQuery(HISTORY).execute(Tuple.of(outageId)).map(history -> {
                                List<StaffOutage.RestoredArea> areas = new ArrayList<>();
                                restored.forEach(r -> areas.add(new StaffOutage.RestoredArea(r.getString("code"),
                                        r.getString("name"), r.getOffsetDateTime("restored_at"))));
                                List<StaffOutage.Revision> revisions = new ArrayList<>();
                                history.forEach(h -> revisions.add(new StaffOutage.Revision(h.getInteger("version"),
                                        h.getString("action"), h.getString("staff_no"), h.getOffsetDateTime("at"),
                                        plain(h.getJsonObject("changes")))));
                                return new StaffOutage(outageId, fields.kind(), fields.status(),
                                        row.getInteger("version"), fields.cause(), fields.description(),
                                        fields.crewContact(), fields.startsAt(), fields.estimatedRestoreAt(),
                                        fields.restoredAt(), fields.publishedAt(), row.getOffsetDateTime("updated_at"),
                                        count, fields.scope().entries(), areas, revisions);
                            }))));
        });
    }

    /** The outage row with its scope and restored areas. */
    private static Uni<Fields> fields(SqlClient client, Row row) {
        long id = row.getLong("id");
        return client.preparedQuery(SCOPE).execute(Tuple.of(id)).chain(scopeRows -> {
            List<Ref> feeders = new ArrayList<>();
            List<Ref> areas = new ArrayList<>();
            for (Row s : scopeRows) {
                if (s.getInteger("feeder_id") != null) {
                    feeders.add(new Ref(s.getInteger("feeder_id"), s.getString("feeder_code"), s.getString("feeder_name")));
                } else {
                    areas.add(new Ref(s.getInteger("transformer_area_id"), s.getString("area_code"),
                            s.getString("area_name")));
                }
            }
            return client.preparedQuery(RESTORED).execute(Tuple.of(id)).map(restoredRows -> {
                List<Ref> restored = new ArrayList<>();
                restoredRows.forEach(r -> restored.add(new Ref(r.getInteger("transformer_area_id"), r.getString("code"),
                        r.getString("name"))));
                return new Fields(id, OutageKind.valueOf(row.getString("kind")),
                        OutageStatus.valueOf(row.getString("status")), row.getOffsetDateTime("starts_at"),
                        row.getOffsetDateTime("estimated_restore_at"), row.getOffsetDateTime("restored_at"),
                        row.getOffsetDateTime("published_at"), row.getString("cause"), row.getString("description"),
                        row.getString("crew_contact"), new Scope(feeders, areas), restored);
            });
        });
    }

    private static Uni<Long> affected(SqlClient client, Scope scope) {
        return client.preparedQuery(AFFECTED).execute(Tuple.of(
                scope.feeders().stream().map(Ref::id).toArray(Integer[]::new),
                scope.transformerAreas().stream().map(Ref::id).toArray(Integer[]::new)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    // ---- checks

    /** The edit applied to {@code before} (in {@code status}), with its scope resolved and its window checked. */
    private Uni<Fields> edited(SqlClient connection, StaffMember staff, Fields before, OutageEdit edit,
            OutageStatus status, OffsetDateTime now) {
        boolean rescoped = edit.feeders() != null || edit.transformerAreas() != null;
        Uni<Scope> scope = !rescoped ? Uni.createFrom().item(before.scope())
                : resolve(connection, edit.feeders() != null ? edit.feeders() : before.scope().codes(true),
                        edit.transformerAreas() != null ? edit.transformerAreas() : before.scope().codes(false));
        return scope.map(resolved -> {
            if (rescoped) {
                checkReach(staff, resolved);
            }
            Fields after = new Fields(before.id(), before.kind(), status,
                    edit.startsAt() != null ? edit.startsAt() : before.startsAt(),
                    edit.estimatedRestoreAt() != null ? edit.estimatedRestoreAt() : before.estimatedRestoreAt(),
                    before.restoredAt(), before.publishedAt(), edit.cause() != null ? edit.cause() : before.cause(),
                    edit.description() != null ? edit.description().strip() : before.description(),
                    edit.crewContact() != null ? blankToNull(edit.crewContact()) : before.crewContact(), resolved,
                    before.restored());
            checkWindow(after, before, now);
            return after;
        });
    }

    /**
     * A window that ends before it starts, a planned outage without an end, or an estimate newly set in the past is
     * refused. An estimate that was set earlier and has since passed (the work overran) does not block other edits.
     */
    private static void checkWindow(Fields fields, Fields before, OffsetDateTime now) {
        OffsetDateTime end = fields.estimatedRestoreAt();
        if (end == null && fields.kind() == OutageKind.PLANNED) {
            throw OutageProblems.invalid("invalid-window", "estimatedRestoreAt",
                    "A planned outage needs the end of its window.");
        }
        if (end != null && !end.isAfter(fields.startsAt())) {
            throw OutageProblems.invalid("invalid-window", "estimatedRestoreAt",
                    "The window must end after it starts.");
        }
        if (end != null && (before == null || !end.isEqual(Objects.requireNonNullElse(before.estimatedRestoreAt(),
                OffsetDateTime.MIN)))) {
            checkEstimateAhead(end, now);
        }
    }

    private static void checkEstimateAhead(OffsetDateTime estimate, OffsetDateTime now) {
        if (estimate != null && estimate.isBefore(now)) {
            throw OutageProblems.invalid("estimate-in-past", "estimatedRestoreAt",
                    "The estimated restoration is in the past.");
        }
    }

    /** Feeder and transformer area codes to rows of the network; unknown codes and an empty scope are refused. */
    private static Uni<Scope> resolve(SqlClient client, List<String> feederCodes, List<String> areaCodes) {
        List<String> feeders = feederCodes == null ? List.of() : feederCodes.stream().distinct().toList();
        List<String> areas = areaCodes == null ? List.of() : areaCodes.stream().distinct().toList();
        if (feeders.isEmpty() && areas.isEmpty()) {
            return Uni.createFrom().failure(OutageProblems.invalid("empty-scope", "scope",
                    "Name at least one feeder or transformer area."));
        }
        return client.preparedQuery("""
                select f.id, f.code, f.name, ss.district_id, null::int as grid_area_id
                  from feeder f join substation ss on ss.id = f.substation_id where f.code = any($1)
                 order by f.code""").execute(Tuple.of(feeders.toArray(String[]::new)))
                .chain(feederRows -> client.preparedQuery("""
                        select t.id, t.code, t.name, g.district_id, t.grid_area_id
                          from transformer_area t join grid_area g on g.id = t.grid_area_id where t.code = any($1)
                         order by t.code""").execute(Tuple.of(areas.toArray(String[]::new))).map(areaRows -> {
                    List<Ref> foundFeeders = refs(feederRows);
                    List<Ref> foundAreas = refs(areaRows);
                    List<Problem.Violation> unknown = new ArrayList<>();
                    unknown(feeders, foundFeeders, "feeders", unknown);
                    unknown(areas, foundAreas, "transformerAreas", unknown);
                    if (!unknown.isEmpty()) {
                        throw new ProblemException(400, "unknown-scope", "Bad Request",
                                "The scope names feeders or transformer areas that do not exist.", unknown);
                    }
                    return new Scope(foundFeeders, foundAreas);
                }));
    }

    private static List<Ref> refs(Iterable<Row> rows) {
        List<Ref> refs = new ArrayList<>();
        rows.forEach(row -> refs.add(new Ref(row.getInteger("id"), row.getString("code"), row.getString("name"),
                row.getInteger("district_id"), row.getInteger("grid_area_id"))));
        return refs;
    }

    private static void unknown(List<String> asked, List<Ref> found, String field, List<Problem.Violation> into) {
        Set<String> known = new LinkedHashSet<>();
        found.forEach(ref -> known.add(ref.code()));
        List<String> missing = asked.stream().filter(code -> !known.contains(code)).toList();
        if (!missing.isEmpty()) {
            into.add(new Problem.Violation(field, "unknown: " + String.join(", ", missing)));
        }
    }

    /** The same rule as {@link #IN_REACH}, for a scope about to be saved. */
    private static void checkReach(StaffMember staff, Scope scope) {
        if (staff.role() == StaffRole.ADMIN) {
            return;
        }
        if (staff.role() == StaffRole.AGENT) {
            if (!scope.feeders().isEmpty()) {
                throw OutageProblems.outsideReach("A feeder runs through several grid areas: its outages are the "
                        + "district supervisor's.");
            }
            if (scope.transformerAreas().stream().anyMatch(t -> !Objects.equals(t.gridAreaId(), staff.gridAreaId()))) {
                throw OutageProblems.outsideReach("The scope names transformer areas outside your grid area.");
            }
            return;
        }
        boolean outside = scope.feeders().stream().anyMatch(f -> !Objects.equals(f.districtId(), staff.districtId()))
                || scope.transformerAreas().stream().anyMatch(t -> !Objects.equals(t.districtId(), staff.districtId()));
        if (outside) {
            throw OutageProblems.outsideReach("The scope reaches beyond your district.");
        }
    }

    private static boolean current(Fields fields, OffsetDateTime now) {
        return !fields.startsAt().isAfter(now);
    }

    private static Uni<Void> insertScope(SqlClient connection, long outageId, Scope scope) {
        return connection.preparedQuery("""
                insert into outage_scope (outage_id, feeder_id, transformer_area_id)
                select $1::bigint, unnest($2::int[]), null::int
                union all
                select $1::bigint, null::int, unnest($3::int[])""")
                .execute(Tuple.of(outageId, scope.feeders().stream().map(Ref::id).toArray(Integer[]::new),
                        scope.transformerAreas().stream().map(Ref::id).toArray(Integer[]::new)))
                .replaceWithVoid();
    }

    private static Tuple reach(StaffMember staff) {
        return Tuple.of(staff.role().name(), staff.districtId(), staff.gridAreaId());
    }

    private static String subject(long outageId) {
        return "outage:" + outageId;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Uni<Outcome> done(Outcome outcome) {
        return Uni.createFrom().item(outcome);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** JSON values of a revision as plain Java values for the response. */
    private static Object plain(Object value) {
        return value instanceof JsonArray array ? array.getList() : value;
    }

    private static Map<String, Object> plain(JsonObject changes) {
        Map<String, Object> values = new LinkedHashMap<>();
        changes.forEach(entry -> values.put(entry.getKey(), plain(entry.getValue())));
        return values;
    }

    // ---- the outage's state as the change machinery sees it

    /** A feeder or transformer area: its id, code and name (and, when resolved for a scope, where it lies). */
    record Ref(int id, String code, String name, Integer districtId, Integer gridAreaId) {

        Ref(int id, String code, String name) {
            this(id, code, name, null, null);
        }

        // where it lies is not part of what it is
        @Override
        public boolean equals(Object other) {
            return other instanceof Ref ref && ref.id == id;
        }

        @Override
        public int hashCode() {
            return Integer.hashCode(id);
        }
    }

    record Scope(List<Ref> feeders, List<Ref> transformerAreas) {

        List<String> codes(boolean ofFeeders) {
            return (ofFeeders ? feeders : transformerAreas).stream().map(Ref::code).toList();
        }

        List<StaffOutage.ScopeEntry> entries() {
            List<StaffOutage.ScopeEntry> entries = new ArrayList<>();
            feeders.forEach(f -> entries.add(new StaffOutage.ScopeEntry("FEEDER", f.code(), f.name())));
            transformerAreas.forEach(t -> entries.add(new StaffOutage.ScopeEntry("TRANSFORMER_AREA", t.code(), t.name())));
            return entries;
        }

        /** Same feeders and areas, in whatever order they were named. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Scope scope && Set.copyOf(scope.feeders).equals(Set.copyOf(feeders))
                    && Set.copyOf(scope.transformerAreas).equals(Set.copyOf(transformerAreas));
        }

        @Override
        public int hashCode() {
            return Set.copyOf(feeders).hashCode() * 31 + Set.copyOf(transformerAreas).hashCode();
        }
    }

    record Fields(long id, OutageKind kind, OutageStatus status, OffsetDateTime startsAt,
            OffsetDateTime estimatedRestoreAt, OffsetDateTime restoredAt, OffsetDateTime publishedAt, String cause,
            String description, String crewContact, Scope scope, List<Ref> restored) {

        /** A new outage's fields (no id yet). */
        Fields(OutageKind kind, OutageStatus status, OffsetDateTime startsAt, OffsetDateTime estimatedRestoreAt,
                OffsetDateTime restoredAt, OffsetDateTime publishedAt, String cause, String description,
                String crewContact, Scope scope, List<Ref> restored) {
            this(0, kind, status, startsAt, estimatedRestoreAt, restoredAt, publishedAt, cause, description,
                    crewContact, scope, restored);
        }

        Fields withStatus(OutageStatus next) {
            return new Fields(id, kind, next, startsAt, estimatedRestoreAt, restoredAt, publishedAt, cause,
                    description, crewContact, scope, restored);
        }

        Fields withEstimate(OffsetDateTime estimate) {
            return new Fields(id, kind, status, startsAt, estimate, restoredAt, publishedAt, cause, description,
                    crewContact, scope, restored);
        }

        Fields withRestored(List<Ref> areas) {
            return new Fields(id, kind, status, startsAt, estimatedRestoreAt, restoredAt, publishedAt, cause,
                    description, crewContact, scope, areas);
        }

        Fields restoredAt(OffsetDateTime at) {
            return new Fields(id, kind, OutageStatus.RESTORED, startsAt, estimatedRestoreAt, at, publishedAt, cause,
                    description, crewContact, scope, restored);
        }

        Fields published(OffsetDateTime at) {
            return new Fields(id, kind, OutageStatus.PUBLISHED, startsAt, estimatedRestoreAt, restoredAt, at, cause,
                    description, crewContact, scope, restored);
        }

        /** Each field that differs from {@code before} (every field when there is none) with its value here. */
        JsonObject changesFrom(Fields before) {
            JsonObject changes = new JsonObject();
            put(changes, before, "kind", kind.name(), before == null ? null : before.kind.name());
            put(changes, before, "status", status.name(), before == null ? null : before.status.name());
            put(changes, before, "startsAt", text(startsAt), before == null ? null : text(before.startsAt));
            put(changes, before, "estimatedRestoreAt", text(estimatedRestoreAt),
                    before == null ? null : text(before.estimatedRestoreAt));
            put(changes, before, "restoredAt", text(restoredAt), before == null ? null : text(before.restoredAt));
            put(changes, before, "cause", cause, before == null ? null : before.cause);
            put(changes, before, "description", description, before == null ? null : before.description);
            put(changes, before, "crewContact", crewContact, before == null ? null : before.crewContact);
            if (before == null || !scope.equals(before.scope)) {
                changes.put("feeders", new JsonArray(scope.codes(true)));
                changes.put("transformerAreas", new JsonArray(scope.codes(false)));
            }
            if (before == null ? !restored.isEmpty() : !Set.copyOf(restored).equals(Set.copyOf(before.restored))) {
                changes.put("restoredAreas", new JsonArray(restored.stream().map(Ref::code).toList()));
            }
            return changes;
        }

        private static void put(JsonObject changes, Fields before, String field, String value, String old) {
            if (before == null ? value != null : !Objects.equals(value, old)) {
                changes.put(field, value);
            }
        }

        /** Instants compared and shown in UTC, whatever offset the client sent. */
        private static String text(OffsetDateTime time) {
            return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }
}
