package com.gridcare.fieldtask;

import jakarta.inject.Singleton;

/** A call by the customer's grid service staff member. */
// a singleton: the shared constructor takes the kind, and a client proxy would need one without arguments
@Singleton
public class AgentCallChannel extends FieldTaskChannel {

    public AgentCallChannel(FieldTasks tasks) {
        super(tasks, TaskKind.AGENT_CALL);
    }
}
