package com.gridcare.fieldtask;

/** The contact channels that are work for a person: their codes in {@code contact_channel}. */
public enum TaskKind {
    AGENT_CALL, STAFF_VISIT
}
