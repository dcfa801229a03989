package com.gridcare.consumption;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where this month's consumption stands in the tariff's monthly tiers. {@code kwhThisMonth} comes from the smart
 * meter's daily readings up to {@code readingsThrough} (0 without a smart meter or readings yet). {@code tier} is the
 * tier the next kWh falls in, {@code kwhLeftInTier} how many kWh remain before the next tier (null in the last), and
 * {@code nextKwhPrice} what that kWh costs including any per-kWh surcharge. For a tariff without tiers {@code tiered}
 * is false and the tier fields are null; {@code nextKwhPrice} is then given only for a flat tariff (time-of-use
 * prices depend on the hour).
 */
public record TierPosition(
        String period,
        String tariffCode,
        boolean tiered,
        String season,
        boolean smartMeter,
        BigDecimal kwhThisMonth,
        LocalDate readingsThrough,
        Integer tier,
        Integer tierUpperKwh,
        BigDecimal kwhLeftInTier,
        BigDecimal nextKwhPrice) {
}
