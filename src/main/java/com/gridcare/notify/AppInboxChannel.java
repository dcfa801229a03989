package com.gridcare.notify;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * The app's inbox ({@link InboxResource}) lists the outbox rows themselves: nothing is pushed (there is no push
 * provider yet), so "sent" only means "waiting in the inbox". Whether the resident saw it is recorded when they open
 * the inbox (READ), never assumed here.
 */
@ApplicationScoped
public class AppInboxChannel implements ChannelAdapter {

    static final String CODE = "APP_PUSH";

    @Override
    public String channelCode() {
        return CODE;
    }

    @Override
    public Uni<Delivery> deliver(OutboxMessage message) {
        return Uni.createFrom().item(Delivery.awaitingOutcome());
    }
}
