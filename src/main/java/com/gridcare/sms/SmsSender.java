package com.gridcare.sms;

import java.util.Map;

import io.smallrye.mutiny.Uni;

/** The SMS channel: sends one templated text to one mobile; fails with a problem when the provider does not take it. */
public interface SmsSender {

    /**
     * {@code reference} names the text to the provider: a repeat with the same reference is the same text, and the
     * provider's delivery receipt names it (an outbox message's idempotency key).
     */
    Uni<Void> send(String mobile, String template, Map<String, String> parameters, String reference);
}
