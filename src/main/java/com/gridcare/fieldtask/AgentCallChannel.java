package com.gridcare.fieldtask;

import jakarta.enterprise.context.ApplicationScoped;

/** A call by the customer's grid service staff member. */
@ApplicationScoped
public class AgentCallChannel extends FieldTaskChannel {

    public AgentCallChannel(FieldTasks tasks) {
        super(tasks, TaskKind.AGENT_CALL);
    }
}
