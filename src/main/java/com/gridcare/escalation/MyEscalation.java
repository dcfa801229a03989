package com.gridcare.escalation;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An escalation as the resident who opened it sees it. */
public record MyEscalation(
        long id,
        EscalationStatus status,
        EscalationReason reason,
        String question,
        @Schema(description = "Null when the escalation is not about one account") String accountNo,
        OffsetDateTime createdAt,
        @Schema(description = "When a first answer is due at the latest") OffsetDateTime dueAt,
        List<Reply> replies,
        @Schema(description = "My rating of the answer, 1-5") Integer rating) {
}
