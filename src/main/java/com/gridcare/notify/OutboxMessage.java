package com.gridcare.notify;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An outbox row as the dispatcher claimed it for one attempt ({@code attempt} counts this one); {@code recipient} is
 * what the channel addresses: an openid, a mobile number, {@code resident:<id>} for the app.
 */
public record OutboxMessage(long id, String idempotencyKey, String channelCode, Topic topic, Long customerId,
        Long residentId, String recipient, String title, String text, Map<String, Object> data, int attempt,
        OffsetDateTime createdAt) {
}
