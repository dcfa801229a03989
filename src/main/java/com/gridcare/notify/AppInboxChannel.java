package com.gridcare.notify;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * The app: the resident's inbox ({@link InboxResource}) lists the outbox rows themselves, so a message is delivered
 * once it is marked sent. There is no push provider behind it yet; one would be called here.
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
        return Uni.createFrom().item(Delivery.sent());
    }
}
