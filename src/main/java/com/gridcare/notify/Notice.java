package com.gridcare.notify;

import java.util.Map;

/**
 * A message for one resident, as a feature hands it to the outbox: the idempotency key makes handing it over twice
 * harmless (a retried request, a second instance doing the same work).
 */
public record Notice(long residentId, Long customerId, Topic topic, String idempotencyKey, String title, String text,
        Map<String, Object> data) {
}
