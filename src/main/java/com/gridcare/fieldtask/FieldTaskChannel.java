package com.gridcare.fieldtask;

import com.gridcare.notify.ChannelAdapter;
import com.gridcare.notify.Delivery;
import com.gridcare.notify.OutboxMessage;

import io.smallrye.mutiny.Uni;

/**
 * A contact made by a person: "sending" puts a task in the queue of the customer's own grid service staff; what came
 * of it is known when they close it. Only a message about a customer account can become one (the task needs an
 * address and an owner).
 */
abstract class FieldTaskChannel implements ChannelAdapter {

    private final FieldTasks tasks;
    private final TaskKind kind;

    FieldTaskChannel(FieldTasks tasks, TaskKind kind) {
        this.tasks = tasks;
        this.kind = kind;
    }

    @Override
    public String channelCode() {
        return kind.name();
    }

    @Override
    public Uni<Delivery> deliver(OutboxMessage message) {
        if (message.customerId() == null) {
            return Uni.createFrom().item(Delivery.unavailable(kind.name().toLowerCase() + ": no customer account"));
        }
        return tasks.create(message, kind, message.customerId()).replaceWith(Delivery.awaitingOutcome());
    }
}
