package com.gridcare.sms;

import java.util.List;
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

    private static final Delivery NOT_TAKEN = Delivery.retryable("sms: provider did not take it");

    private final SmsSender sender;
    private final SmsConfig config;

    public SmsChannel(SmsSender sender, SmsConfig config) {
        this.sender = sender;
        this.config = config;
    }

    @Override
    public String channelCode() {
        return CODE;
    }

    @Override
    public Uni<Delivery> deliver(OutboxMessage message) {
        return sender.send(message.recipient(), message.topic().name(), parameters(message), message.idempotencyKey())
                .replaceWith(Delivery.awaitingOutcome())
                .onFailure().recoverWithItem(failure -> NOT_TAKEN);
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    @Override
    public Uni<List<Delivery>> deliver(List<OutboxMessage> messages) {
        List<SmsSender.Text> texts = messages.stream().map(message -> new SmsSender.Text(message.recipient(),
                message.topic().name(), parameters(message), message.idempotencyKey())).toList();
        return sender.sendAll(texts)
                .map(taken -> taken.stream().map(sent -> sent ? Delivery.awaitingOutcome() : NOT_TAKEN).toList())
                .onFailure().recoverWithItem(failure -> messages.stream().map(message -> NOT_TAKEN).toList());
    }

    private static Map<String, String> parameters(OutboxMessage message) {
        return Map.of("title", message.title(), "text", message.text());
    }
}
