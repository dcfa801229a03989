package com.gridcare.billing;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment as the payment provider reports it. */
public record PaymentReport(
        @Schema(description = "The provider's id of the payment, at most 40 characters; each is recorded once")
        String paymentRef,
        String accountNo,
        @Schema(description = "The month of the bill paid", pattern = "^\\d{4}-\\d{2}$", example = "2026-10")
        String period,
        @Schema(description = "CNY credited to the bill, at most 2 decimals, more than 0. The late fee accrued on it "
                + "is recorded alongside, by the tariff's rules, as of the payment day") BigDecimal amount,
        Instant paidAt,
        @Schema(description = "A payment channel code (WECHAT_PAY, ALIPAY, BANK_COUNTER, …)") String channel) {
}
