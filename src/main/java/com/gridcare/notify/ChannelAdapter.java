package com.gridcare.notify;

import java.util.List;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One way of reaching residents ({@code contact_channel.code}): the dispatcher hands it the claimed messages of its
 * channel, one at a time or, for a channel whose provider takes several in one request, up to {@link #batchSize()}
 * together. A failure of a returned {@code Uni} is taken as {@link Delivery.Result#RETRYABLE} for each message in it.
 */
public interface ChannelAdapter {

    String channelCode();

    Uni<Delivery> deliver(OutboxMessage message);

    /** How many messages {@link #deliver(List)} takes at once; 1 for a provider that takes one per request. */
    default int batchSize() {
        return 1;
    }

    /** The messages' deliveries, in their order. Only a channel with a batch size above 1 need do better than this. */
    default Uni<List<Delivery>> deliver(List<OutboxMessage> messages) {
        return Multi.createFrom().iterable(messages).onItem().transformToUniAndConcatenate(this::deliver)
                .collect().asList();
    }
}
