package com.gridcare.consumption;

import java.math.BigDecimal;
import java.util.List;

/**
 * A customer's consumption month by month, oldest first, ending with the last complete month. Every month of the
 * window is present; a month without a reading has no kWh.
 */
public record MonthlyConsumption(int months, String from, String to, List<MonthUsage> series) {

    /**
     * One month: {@code peakKwh}/{@code flatKwh}/{@code valleyKwh} only for time-of-use metering; the changes are
     * percentages (1 decimal) against the previous month and the same month a year before, absent when that month has
     * no reading or used nothing.
     */
    public record MonthUsage(String period, BigDecimal kwh, BigDecimal peakKwh, BigDecimal flatKwh,
            BigDecimal valleyKwh, BigDecimal monthOnMonthPercent, BigDecimal yearOnYearPercent) {
    }
}
