package com.gridcare.billing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One payment: {@code billPeriod} is null for a prepaid top-up, which settles no particular bill. */
public record PaymentRecord(
        String reference,
        BigDecimal amount,
        BigDecimal lateFee,
        OffsetDateTime paidAt,
        String channelCode,
        String channelName,
        String billPeriod) {
}
