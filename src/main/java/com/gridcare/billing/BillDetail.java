package com.gridcare.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A bill with its lines: the amounts of {@code items} add up to {@code totalAmount}. {@code amountDueNow} is what
 * settles the bill today: the outstanding principal plus the late fee accrued on it.
 */
public record BillDetail(
        String period,
        String tariffCode,
        String tariffName,
        BigDecimal kwh,
        List<BillItem> items,
        BigDecimal energyAmount,
        BigDecimal demandAmount,
        BigDecimal surchargeAmount,
        BigDecimal totalAmount,
        LocalDate issuedOn,
        LocalDate dueDate,
        String status,
        BigDecimal paidAmount,
        BigDecimal lateFeePaid,
        OffsetDateTime settledAt,
        BigDecimal outstanding,
        BigDecimal lateFeeAccrued,
        BigDecimal amountDueNow) {

    /**
     * One line: energy by tier (TIER_1..TIER_3) or by time of day (PEAK, FLAT, VALLEY), or all of it (ENERGY); then
     * DEMAND (capacity charge of two-part tariffs) and SURCHARGE (per-kWh government funds).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BillItem(String code, BigDecimal kwh, BigDecimal unitPrice, BigDecimal amount) {
    }
}
