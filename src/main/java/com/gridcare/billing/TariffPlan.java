package com.gridcare.billing;

import java.time.Month;
import java.util.List;

/**
 * One row of {@code tariff_plan} with its tiers, in exact fixed-point units: prices in 1/10,000 CNY per kWh,
 * daily late-fee rates in 1/100,000, energy in 1/100 kWh (centi-kWh), money in fen (1/100 CNY).
 */
public record TariffPlan(
        String code,
        Pricing pricing,
        long energyPrice,
        long peakRatioMilli,
        long valleyRatioMilli,
        long demandChargeFenPerKva,
        long surchargePrice,
        Month summerFirst,
        Month summerLast,
        long lateFeeDailyRate,
        long lateFeeCrossYearDailyRate,
        List<Tier> summerTiers,
        List<Tier> nonSummerTiers) {

    public enum Pricing {
        TIERED, TIME_OF_USE, FLAT, TWO_PART
    }

    /** A tier ends at {@code upperKwh} (null for the last tier) and costs {@code markup} above the energy price. */
    public record Tier(int tier, Integer upperKwh, long markup) {
    }

    public boolean isSummer(Month month) {
        if (summerFirst == null || summerLast == null) {
            return false;
        }
        int m = month.getValue();
        return summerFirst.getValue() <= summerLast.getValue()
                ? m >= summerFirst.getValue() && m <= summerLast.getValue()
                : m >= summerFirst.getValue() || m <= summerLast.getValue();
    }

    public List<Tier> tiersFor(Month month) {
        return isSummer(month) ? summerTiers : nonSummerTiers;
    }
}
