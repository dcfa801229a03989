package com.gridcare.dashboard;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.gridcare.common.ProblemException;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rebuilds the dashboard's rollups (V21's dashboard_rebuild: the source view into a scratch table, then the rows
 * replaced in one transaction), so readers keep answering from the previous rows until each rollup's new ones are in.
 * Two lanes on two connections, one per core of the database: the bills' rollups in one, the payments' (the district
 * rollup is summed from the area rollup, so after it) in the other. One refresh at a time per instance; another
 * instance rebuilding the same rollup at the same moment waits for the first one's rows.
 */
@ApplicationScoped
public class DashboardRollups {

    private static final Logger LOG = Logger.getLogger(DashboardRollups.class);

    static final List<List<String>> LANES = List.of(
            List.of("dashboard_billing_month", "dashboard_arrears", "dashboard_outage_month", "dashboard_escalation_day"),
            List.of("dashboard_payment_month", "dashboard_payment_district_month"));

    private static final String RECORD = """
            insert into dashboard_refresh (view_name, refreshed_at, millis) values ($1, $2, $3)
            on conflict (view_name) do update set refreshed_at = excluded.refreshed_at, millis = excluded.millis""";

    /** How many of the rollups ($2) were refreshed since $1. */
    private static final String FRESH = """
            select count(*) from dashboard_refresh where refreshed_at > $1 and view_name = any ($2)""";

    private final Pool pool;
    private final Clock clock;
    private final DashboardConfig config;
    private final AtomicBoolean running = new AtomicBoolean();

    public DashboardRollups(Pool pool, Clock clock, DashboardConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    /**
     * A scheduled refresh is skipped while every rollup is younger than half the interval: the schedule also fires when
     * an instance starts, and a full refresh takes about two minutes of two database cores at full scale
     * (BENCHMARKS.md), so neither a restart nor a second instance should add one; instances side by side then take
     * turns, about one refresh per interval between them.
     */
    @Scheduled(every = "${gridcare.dashboard.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        OffsetDateTime freshSince = OffsetDateTime.now(clock)
                .minus(DurationConverter.parseDuration(config.refreshEvery()).dividedBy(2));
        return pool.preparedQuery(FRESH).execute(Tuple.of(freshSince, allRollups().toArray(String[]::new)))
                .map(rows -> rows.iterator().next().getLong(0) == allRollups().size())
                .chain(fresh -> fresh ? Uni.createFrom().voidItem() : refresh()
                        .invoke(result -> LOG.infof("dashboard rollups refreshed in %d ms", result.millis()))
                        .replaceWithVoid())
                .onFailure().invoke(failure -> LOG.warnf("dashboard refresh failed: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static List<String> allRollups() {
        return LANES.stream().flatMap(List::stream).toList();
    }

    /** Every view recomputed; 409 {@code refresh-running} while this instance is already at it. */
    public Uni<RefreshResult> refresh() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().failure(new ProblemException(409, "refresh-running", "Conflict",
                    "The dashboard is being refreshed already; its data will be new when that is done."));
        }
        long started = System.nanoTime();
        List<Uni<List<ViewRefresh>>> lanes = new ArrayList<>();
        for (List<String> lane : LANES) {
            lanes.add(lane(lane));
        }
        return Uni.join().all(lanes).andFailFast()
                .map(done -> new RefreshResult(OffsetDateTime.now(clock), (System.nanoTime() - started) / 1_000_000,
                        done.stream().flatMap(List::stream).toList()))
                .eventually(() -> running.set(false));
    }

    /** The lane's rollups one after another, each in its own transaction (visible as soon as it is done). */
    private Uni<List<ViewRefresh>> lane(List<String> views) {
        Uni<List<ViewRefresh>> chain = Uni.createFrom().item(List.of());
        for (String view : views) {
            chain = chain.chain(done -> view(view).map(one -> {
                List<ViewRefresh> more = new ArrayList<>(done);
                more.add(one);
                return more;
            }));
        }
        return chain;
    }

    private Uni<ViewRefresh> view(String view) {
        return pool.withTransaction(connection -> {
            long started = System.nanoTime();
            // Sorting is off for the rebuild: the planner guesses the groups as the product of the columns' distinct
            // values (millions) and sorts 21 M joined bills on disk to group them (73 s at full scale); hashing the
            // 56 k real groups took 27 s.
            return connection.query("set local work_mem = '" + config.refreshWorkMem().replace("'", "") + "'")
                    .execute()
                    .chain(() -> connection.query("set local enable_sort = off").execute())
                    .chain(() -> connection.preparedQuery("select dashboard_rebuild($1)").execute(Tuple.of(view)))
                    .chain(() -> {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        return connection.preparedQuery(RECORD)
                                .execute(Tuple.of(view, OffsetDateTime.now(clock), millis))
                                .map(recorded -> new ViewRefresh(view, millis));
                    });
        });
    }
}
