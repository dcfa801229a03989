package com.gridcare.fieldtask;

import jakarta.inject.Singleton;

/** A visit by the customer's grid service staff member. */
// a singleton: the shared constructor takes the kind, and a client proxy would need one without arguments
@Singleton
public class StaffVisitChannel extends FieldTaskChannel {

    public StaffVisitChannel(FieldTasks tasks) {
        super(tasks, TaskKind.STAFF_VISIT);
    }
}
