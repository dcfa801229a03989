package com.gridcare.staff;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Who sees a piece of work routed to a grid area (an escalation, a call or visit task): an agent their own grid
 * area's and what they took themselves, a supervisor their district's, what has no area and what was moved to them,
 * an administrator everything. One rule for every queue, as {@link GridOwners} is one rule for routing.
 */
public final class WorkScope {

    private WorkScope() {
    }

    /**
     * The SQL condition over a work table aliased {@code work} (with {@code grid_area_id} and
     * {@code assigned_staff_id}) left-joined to {@code grid_area g}; {@code takenBy} is the work table's column naming
     * the agent who took it. Its parameters are {@link #parameters}: $1 role, $2 staff id, $3 district, $4 grid area.
     */
    public static String condition(String work, String takenBy) {
        return """
                ($1 = 'ADMIN'
                 or ($1 = 'SUPERVISOR' and (%1$s.grid_area_id is null or g.district_id = $3 or %1$s.assigned_staff_id = $2))
                 or ($1 = 'AGENT' and (%1$s.grid_area_id = $4 or %1$s.%2$s = $2)))""".formatted(work, takenBy);
    }

    /** $1 to $4 of {@link #condition} for {@code staff}; a query adds its own parameters from $5. */
    public static Tuple parameters(StaffMember staff) {
        return Tuple.of(staff.role().name(), staff.id(), staff.districtId(), staff.gridAreaId());
    }
}
