package com.gridcare.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One bill in a customer's list. {@code status} is PAID, PARTIALLY_PAID or UNPAID as recorded, or OVERDUE when
 * something is still unpaid after the due date; {@code lateFeeAccrued} is the late fee on the unpaid remainder as of
 * today, owed on top of {@code outstanding}.
 */
public record BillSummary(
        String period,
        BigDecimal kwh,
        BigDecimal totalAmount,
        LocalDate issuedOn,
        LocalDate dueDate,
        String status,
        BigDecimal paidAmount,
        BigDecimal outstanding,
        BigDecimal lateFeeAccrued) {
}
