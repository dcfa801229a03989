package com.gridcare.repair;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;

import com.gridcare.notify.NoticeTexts;
import com.gridcare.outage.OutageChanged;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Tickets LINKED to an outage follow it. An outage suspected or published links the tickets still waiting for a crew that
 * it covers (reported since it began). When power is back (the whole outage, or the customer's transformer area when
 * it comes back in stages) they are closed; when the outage was not one after all (a suspected outage dismissed, an
 * outage cancelled) they go back to RECEIVED to get a crew of their own. Each with a timeline step and a notice. What
 * is done follows from the rows as they are, not from the event: a late or repeated event finds nothing left to do.
 */
@ApplicationScoped
public class LinkedTickets {

    private static final Logger LOG = Logger.getLogger(LinkedTickets.class);
    private static final Duration AT_MOST = Duration.ofMinutes(5);

    /** Linked tickets whose customer has power again; skip those another instance is moving now. */
    private static final String RESTORED = "select " + RepairService.TICKET_COLUMNS + """

              from repair_ticket t
              join customer c on c.id = t.customer_id
              join outage o on o.id = t.outage_id
             where t.outage_id = $1 and t.status = 'LINKED'
               and (o.status in ('RESTORED', 'CLOSED')
                    or exists (select 1 from outage_area_restoration r
                                where r.outage_id = o.id and r.transformer_area_id = c.transformer_area_id))
             for update of t skip locked""";

    private static final String CALLED_OFF = "select " + RepairService.TICKET_COLUMNS + """

              from repair_ticket t
              join customer c on c.id = t.customer_id
              join outage o on o.id = t.outage_id
             where t.outage_id = $1 and t.status = 'LINKED' and o.status in ('DISMISSED', 'CANCELLED')
             for update of t skip locked""";

    /**
     * Tickets still waiting for a crew (none linked, none dispatched) whose customer the outage covers, reported since
     * it started: the reports before the one that made detection open it, and those a published outage explains.
     */
    private static final String WAITING = "select " + RepairService.TICKET_COLUMNS + """

              from repair_ticket t
              join customer c on c.id = t.customer_id
              join outage o on o.id = $1
             where t.status = 'RECEIVED' and t.outage_id is null and t.created_at >= o.starts_at
               and o.status in ('SUSPECTED', 'PUBLISHED') and o.restored_at is null
               and exists (select 1 from outage_scope s
                            where s.outage_id = o.id
                              and (s.transformer_area_id = c.transformer_area_id or s.feeder_id = c.feeder_id))
               and not exists (select 1 from outage_area_restoration r
                                where r.outage_id = o.id and r.transformer_area_id = c.transformer_area_id)
             for update of t skip locked""";

    private final Pool pool;
    private final RepairService repairs;
    private final NoticeTexts texts;

    public LinkedTickets(Pool pool, RepairService repairs, NoticeTexts texts) {
        this.pool = pool;
        this.repairs = repairs;
        this.texts = texts;
    }

    /** Runs on the event's worker thread, so waiting for the database there blocks no event loop. */
    void outageChanged(@ObservesAsync OutageChanged changed) {
        Uni<Integer> moved = switch (changed.change()) {
            case SUSPECTED, PUBLISHED, EDITED -> link(changed.outageId());
            case PARTLY_RESTORED, RESTORED, CLOSED -> move(RESTORED, changed.outageId(), RepairStatus.CLOSED,
                    "repair.CLOSED.outage-restored");
            case DISMISSED, CANCELLED -> move(CALLED_OFF, changed.outageId(), RepairStatus.RECEIVED,
                    "repair.RECEIVED.outage-dismissed");
            default -> Uni.createFrom().item(0);
        };
        try {
            int count = moved.await().atMost(AT_MOST);
            if (count > 0) {
                LOG.infof("Outage %d %s: %d linked repair tickets moved", changed.outageId(), changed.change(), count);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not move the repair tickets linked to outage %d after %s", changed.outageId(),
                    changed.change());
        }
    }

    private Uni<Integer> link(long outageId) {
        return inOneTransaction(WAITING, outageId, (connection, ticket) -> repairs.link(connection, ticket, outageId,
                texts.title("repair.LINKED")));
    }

    /** In one transaction: all of them or none, and a repeated event then finds them moved. */
    private Uni<Integer> move(String query, long outageId, RepairStatus next, String noticeKey) {
        return inOneTransaction(query, outageId, (connection, ticket) -> repairs.move(connection, ticket, next,
                texts.title(noticeKey), null, null, noticeKey));
    }

    private Uni<Integer> inOneTransaction(String query, long outageId,
            BiFunction<SqlConnection, Row, Uni<RepairTicket>> step) {
        return pool.withTransaction(connection -> connection.preparedQuery(query).execute(Tuple.of(outageId))
                .chain(rows -> Multi.createFrom().iterable(rows.stream().toList())
                        .onItem().transformToUniAndConcatenate(ticket -> step.apply(connection, ticket))
                        .collect().asList().map(List::size)));
    }
}
