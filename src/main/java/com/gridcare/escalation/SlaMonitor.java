package com.gridcare.escalation;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The SLA job: escalations still waiting for a first response after their due time are flagged overdue and moved to
 * their district's supervisor (the general queue's stay where they are: every supervisor sees it). One statement,
 * with SKIP LOCKED, so instances running it at once and staff claiming at that moment do not block each other; time
 * is the application's clock, so tests can move it.
 */
@ApplicationScoped
public class SlaMonitor {

    private static final Logger LOG = Logger.getLogger(SlaMonitor.class);

    private static final String FLAG_OVERDUE = """
            with due as (
                select id from escalation
                 where status in ('NEW', 'CLAIMED', 'REOPENED') and not overdue and due_at <= $1
                 order by due_at
                 limit 1000
                   for update skip locked)
            update escalation e
               set overdue = true, updated_at = $1,
                   assigned_staff_id = coalesce((select s.id from grid_area g
                                                   join staff s on s.district_id = g.district_id
                                                                and s.role = 'SUPERVISOR' and s.active
                                                  where g.id = e.grid_area_id
                                                  order by s.id limit 1), e.assigned_staff_id)
              from due
             where e.id = due.id""";

    private final Pool pool;
    private final Clock clock;

    public SlaMonitor(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Scheduled(every = "${gridcare.escalation.sla-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return flagOverdue().invoke(moved -> {
            if (moved > 0) {
                LOG.infof("%d escalations overdue, moved to their supervisors", moved);
            }
        }).replaceWithVoid();
    }

    /** Flags what is overdue now; returns how many. */
    public Uni<Integer> flagOverdue() {
        return pool.preparedQuery(FLAG_OVERDUE).execute(Tuple.of(OffsetDateTime.now(clock)))
                .map(rows -> rows.rowCount());
    }
}
