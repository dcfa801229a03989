package com.gridcare.fieldtask;

import jakarta.enterprise.context.ApplicationScoped;

/** A visit by the customer's grid service staff member. */
@ApplicationScoped
public class StaffVisitChannel extends FieldTaskChannel {

    public StaffVisitChannel(FieldTasks tasks) {
        super(tasks, TaskKind.STAFF_VISIT);
    }
}
