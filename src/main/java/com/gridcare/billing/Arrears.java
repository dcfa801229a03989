package com.gridcare.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a customer owes: every bill not fully paid ({@code openBills}, their unpaid principal {@code outstanding}),
 * those past their due date, the late fees accrued on them so far, and the sum that settles everything today.
 */
public record Arrears(
        int openBills,
        BigDecimal outstanding,
        int overdueBills,
        BigDecimal overdueAmount,
        LocalDate oldestDueDate,
        BigDecimal lateFeeAccrued,
        BigDecimal totalToPayNow) {
}
