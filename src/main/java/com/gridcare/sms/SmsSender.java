package com.gridcare.sms;

import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The SMS channel: sends one templated text to one mobile; fails with a problem when the provider does not take it. */
public interface SmsSender {

    /**
     * {@code reference} names the text to the provider: a repeat with the same reference is the same text, and the
     * provider's delivery receipt names it (an outbox message's idempotency key).
     */
    Uni<Void> send(String mobile, String template, Map<String, String> parameters, String reference);

    /** One text of a batch. */
    record Text(String mobile, String template, Map<String, String> parameters, String reference) {
    }

    /**
     * Several texts; per text, in their order, whether the provider took it. Fails as {@link #send} does when the
     * provider took none of them. A provider with a batch API answers them in one request; otherwise one by one.
     */
    default Uni<List<Boolean>> sendAll(List<Text> texts) {
        return Multi.createFrom().iterable(texts)
                .onItem().transformToUniAndConcatenate(text -> send(text.mobile(), text.template(), text.parameters(),
                        text.reference()).map(sent -> true).onFailure().recoverWithItem(false))
                .collect().asList();
    }
}
