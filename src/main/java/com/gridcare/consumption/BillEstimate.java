package com.gridcare.consumption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An estimate, not a bill: what this month's bill will probably be, priced with the customer's tariff for this
 * month's season. {@code basis} says where the kWh come from:
 * <ul>
 * <li>SMART_METER_SO_FAR: the smart meter's kWh of this month through {@code readingsThrough}, scaled to the whole
 * month ({@code kwhSoFar} × {@code daysInMonth} / {@code daysCovered});</li>
 * <li>SAME_MONTH_LAST_YEAR: the reading of the same month a year ago ({@code basisPeriods});</li>
 * <li>AVERAGE_OF_LAST_3_MONTHS: the average of the readings of the last three months that have one;</li>
 * <li>NONE: nothing to estimate from; the amounts are null.</li>
 * </ul>
 */
public record BillEstimate(
        String period,
        boolean estimate,
        String basis,
        List<String> basisPeriods,
        BigDecimal kwhSoFar,
        LocalDate readingsThrough,
        int daysCovered,
        int daysInMonth,
        BigDecimal estimatedKwh,
        String tariffCode,
        BigDecimal energyAmount,
        BigDecimal demandAmount,
        BigDecimal surchargeAmount,
        BigDecimal estimatedTotal) {

    public enum Basis {
        SMART_METER_SO_FAR, SAME_MONTH_LAST_YEAR, AVERAGE_OF_LAST_3_MONTHS, NONE
    }
}
