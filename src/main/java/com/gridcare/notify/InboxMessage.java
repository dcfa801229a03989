package com.gridcare.notify;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message sent (or on its way) to me, on whichever channel it went. */
public record InboxMessage(long id, Topic topic, String channel, String title, String text,
        @Schema(enumeration = { "PENDING", "SENDING", "SENT", "FAILED", "DEAD" }) String status,
        OffsetDateTime createdAt, OffsetDateTime sentAt,
        @Schema(description = "When I first saw it here; listing my inbox marks what it shows as read") OffsetDateTime readAt) {
}
