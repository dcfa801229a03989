package com.gridcare.sms;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import com.gridcare.notify.ChannelAdapter;
import com.gridcare.notify.Delivery;
import com.gridcare.notify.OutboxMessage;

/**
 * Text messages through the SMS provider ({@link SmsSender}): one provider template per topic, named like the topic,
 * with the notice's title and text as parameters and the outbox key as the reference. The provider not taking a message
 * is worth trying again later; taking it says nothing of its arrival, which the provider's receipt reports.
 */
@ApplicationScoped
public class SmsChannel implements ChannelAdapter {

    static final String CODE = "SMS";

    private final SmsSender sender;

    public SmsChannel(SmsSender sender) {
        this.sender = sender;
    }

    @Override
    public String channelCode() {
        return CODE;
    }

    @Override
    public Uni<Delivery> deliver(OutboxMessage message) {
        return sender.send(message.recipient(), message.topic().name(),
                Map.of("title", message.title(), "text", message.text()), message.idempotencyKey())
                .replaceWith(Delivery.awaitingOutcome())
                .onFailure().recoverWithItem(failure -> Delivery.retryable("sms: provider did not take it"));
    }
}
