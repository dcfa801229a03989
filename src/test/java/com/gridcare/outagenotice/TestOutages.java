package com.gridcare.outagenotice;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.gridcare.dataset.TestUtility;
import com.gridcare.outage.OutageChanged;
import com.gridcare.outage.OutageChanged.Change;

/**
 * Outages created, changed and published the way staff will, until the staff outage API is there: rows written in SQL,
 * then the {@link OutageChanged} event the outage package fires after a commit. The one place to switch to the staff
 * API; each method returns once the notices' observer has run.
 */
@ApplicationScoped
public class TestOutages {

    private final TestUtility utility;
    private final Event<OutageChanged> events;

    public TestOutages(TestUtility utility, Event<OutageChanged> events) {
        this.utility = utility;
        this.events = events;
    }

    /** A published outage over whole feeders and single transformer areas; the PUBLISHED event has been handled. */
    public long publish(String kind, OffsetDateTime startsAt, OffsetDateTime estimatedRestoreAt, List<Integer> feeders,
            List<Integer> areas) throws SQLException {
        long id = create(kind, startsAt, estimatedRestoreAt, feeders, areas);
        changed(id, Change.PUBLISHED).join();
        return id;
    }

    /** The rows of a published outage, its event not fired yet. */
    public long create(String kind, OffsetDateTime startsAt, OffsetDateTime estimatedRestoreAt, List<Integer> feeders,
            List<Integer> areas) throws SQLException {
        long id = (Long) utility.value("""
                insert into outage (kind, status, cause, description, starts_at, estimated_restore_at, published_at)
                values (?, 'PUBLISHED', 'EQUIPMENT_FAULT', 'Test outage', ?, ?, now()) returning id""",
                kind, startsAt, estimatedRestoreAt);
        for (int feeder : feeders) {
            utility.execute("insert into outage_scope (outage_id, feeder_id) values (?, ?)", id, feeder);
        }
        for (int area : areas) {
            utility.execute("insert into outage_scope (outage_id, transformer_area_id) values (?, ?)", id, area);
        }
        return id;
    }

    public void moveEstimate(long outage, OffsetDateTime estimatedRestoreAt) throws SQLException {
        edit(outage, "update outage set estimated_restore_at = ? where id = ?", estimatedRestoreAt, outage);
        changed(outage, Change.ESTIMATE_MOVED).join();
    }

    /** Power back in one transformer area, the outage still on elsewhere. */
    public void restoreArea(long outage, int area, OffsetDateTime at) throws SQLException {
        utility.execute("insert into outage_area_restoration (outage_id, transformer_area_id, restored_at) values (?, ?, ?)",
                outage, area, at);
        edit(outage, "update outage set updated_at = now() where id = ?", outage);
        changed(outage, Change.PARTLY_RESTORED).join();
    }

    public void restore(long outage, OffsetDateTime at) throws SQLException {
        edit(outage, "update outage set status = 'RESTORED', restored_at = ? where id = ?", at, outage);
        changed(outage, Change.RESTORED).join();
    }

    public void cancel(long outage) throws SQLException {
        edit(outage, "update outage set status = 'CANCELLED' where id = ?", outage);
        changed(outage, Change.CANCELLED).join();
    }

    /** Adds a transformer area to a published outage's scope, as an edit does; the event is the caller's to fire. */
    public void addArea(long outage, int area) throws SQLException {
        utility.execute("insert into outage_scope (outage_id, transformer_area_id) values (?, ?)", outage, area);
        edit(outage, "update outage set updated_at = now() where id = ?", outage);
    }

    /** Fires the event as the outage package does after a commit; the future completes when the observers have run. */
    public CompletableFuture<Void> changed(long outage, Change change) {
        try {
            long version = (Integer) utility.value("select version from outage where id = ?", outage);
            return events.fireAsync(new OutageChanged(outage, version, change)).toCompletableFuture()
                    .orTimeout(60, TimeUnit.SECONDS).thenApply(event -> null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void edit(long outage, String sql, Object... arguments) throws SQLException {
        utility.execute(sql, arguments);
        utility.execute("update outage set version = version + 1, updated_at = now() where id = ?", outage);
    }
}
