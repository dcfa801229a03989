package com.gridcare.notify;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A message whose sender already chose the channel and the address and honoured the resident's choices (the reminder
 * planner, which weighs reachability, refusals and quiet hours itself): the outbox writes it as it is.
 * {@code residentId} is null for a customer no resident has bound, reached through the customer's own mobile or staff.
 */
public record AddressedMessage(String idempotencyKey, String channelCode, Topic topic, long customerId, Long residentId,
        String recipient, String title, String text, Map<String, Object> data, OffsetDateTime notBefore) {
}
