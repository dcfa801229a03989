package com.gridcare.notify;

import io.smallrye.mutiny.Uni;

/**
 * One way of reaching residents ({@code contact_channel.code}): the dispatcher hands it each claimed message of its
 * channel. A failure of the returned {@code Uni} is taken as {@link Delivery.Result#RETRYABLE}.
 */
public interface ChannelAdapter {

    String channelCode();

    Uni<Delivery> deliver(OutboxMessage message);
}
