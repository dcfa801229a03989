package com.gridcare.staff;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Whose work a customer is: their grid area and its owner (网格经理), the customer's own grid service staff member.
 * The one routing rule for everything put in a staff member's queue (escalations, contact tasks).
 */
@ApplicationScoped
public class GridOwners {

    /** The area's owner only while active: an inactive owner's work goes to the district's supervisor instead. */
    private static final String ROUTE = """
            select c.grid_area_id, case when s.active then g.owner_staff_id end as staff_id
              from (select 1) one
              left join customer c on c.id = $1
              left join grid_area g on g.id = c.grid_area_id
              left join staff s on s.id = g.owner_staff_id""";

    /** Where a customer's work goes; both parts null for no customer (the general queue). */
    public record Route(Integer gridAreaId, Integer staffId) {
    }

    public Uni<Route> route(SqlClient client, Long customerId) {
        return client.preparedQuery(ROUTE).execute(Tuple.of(customerId)).map(rows -> {
            Row row = rows.iterator().next();
            return new Route(row.getInteger("grid_area_id"), row.getInteger("staff_id"));
        });
    }
}
