package com.gridcare.sms;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The SMS provider's delivery receipt for one text. */
public record SmsReceipt(
        @Schema(description = "The reference the text was sent with: its outbox message's idempotency key") String reference,
        Status status,
        @Schema(description = "When the text arrived or finally failed") Instant at) {

    @Schema(name = "SmsReceiptStatus")
    public enum Status {
        DELIVERED, FAILED
    }
}
