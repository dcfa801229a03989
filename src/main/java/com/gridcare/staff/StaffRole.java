package com.gridcare.staff;

/** What a staff member may do; the JWT group of each role is its name in lower case. */
public enum StaffRole {
    /** Grid service staff (网格经理): the escalations of their own grid area and those they claimed. */
    AGENT,
    /** One per district: the district's escalations, the general queue, and overdue items moved to them. */
    SUPERVISOR,
    /** Everything. */
    ADMIN;

    public static final String AGENT_GROUP = "agent";
    public static final String SUPERVISOR_GROUP = "supervisor";
    public static final String ADMIN_GROUP = "admin";

    public String group() {
        return name().toLowerCase();
    }

    /** Supervisors and admins may take over an escalation someone else claimed and resolve it for them. */
    public boolean oversees() {
        return this != AGENT;
    }
}
