package com.gridcare.billing;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The tariff rules: what a month's energy costs and what late fee an unpaid amount has accrued. Pure and exact
 * (fixed-point longs, half-up rounding to the fen) so the generator can price tens of millions of bills and the API
 * can price one the same way.
 */
public final class BillCalculator {

    private BillCalculator() {
    }

    /** A priced month. Energy in centi-kWh, money in fen; per-tier and per-period arrays have three entries. */
    public record Charges(long[] tierCentiKwh, long[] tierFen, long[] touCentiKwh, long energyFen, long demandFen,
            long surchargeFen) {

        public long totalFen() {
            return energyFen + demandFen + surchargeFen;
        }
    }

    /**
     * Prices one month's consumption. {@code touCentiKwh} holds peak, flat and valley energy for time-of-use and
     * two-part plans (ignored otherwise); {@code contractedKva} matters for two-part plans only.
     */
    public static Charges price(TariffPlan plan, Month month, long centiKwh, long[] touCentiKwh, int contractedKva) {
        long[] tierKwh = null;
        long[] tierFen = null;
        long energyFen;
        switch (plan.pricing()) {
            case TIERED -> {
                List<TariffPlan.Tier> tiers = plan.tiersFor(month);
                tierKwh = new long[3];
                tierFen = new long[3];
                long remaining = centiKwh;
                long lower = 0;
                energyFen = 0;
                for (int i = 0; i < tiers.size() && remaining > 0; i++) {
                    TariffPlan.Tier tier = tiers.get(i);
                    long width = tier.upperKwh() == null ? Long.MAX_VALUE : tier.upperKwh() * 100L - lower;
                    long inTier = Math.min(remaining, width);
                    tierKwh[i] = inTier;
                    tierFen[i] = fen(inTier, plan.energyPrice() + tier.markup());
                    energyFen += tierFen[i];
                    remaining -= inTier;
                    lower = tier.upperKwh() == null ? lower : tier.upperKwh() * 100L;
                }
            }
            case TIME_OF_USE, TWO_PART -> energyFen = fen(touCentiKwh[0], plan.energyPrice(), plan.peakRatioMilli())
                    + fen(touCentiKwh[1], plan.energyPrice())
                    + fen(touCentiKwh[2], plan.energyPrice(), plan.valleyRatioMilli());
            default -> energyFen = fen(centiKwh, plan.energyPrice());
        }
        long demandFen = plan.pricing() == TariffPlan.Pricing.TWO_PART ? contractedKva * plan.demandChargeFenPerKva() : 0;
        long surchargeFen = fen(centiKwh, plan.surchargePrice());
        boolean timeOfUse = plan.pricing() == TariffPlan.Pricing.TIME_OF_USE || plan.pricing() == TariffPlan.Pricing.TWO_PART;
        return new Charges(tierKwh, tierFen, timeOfUse ? touCentiKwh : null, energyFen, demandFen, surchargeFen);
    }

    /**
     * The late fee (违约金) on {@code unpaidFen} from the day after {@code dueDate} up to {@code asOf}: a daily rate, a
     * higher one for days in a later calendar year than the due date, never above the principal.
     */
    public static long lateFeeFen(TariffPlan plan, long unpaidFen, LocalDate dueDate, LocalDate asOf) {
        if (unpaidFen <= 0 || !asOf.isAfter(dueDate)) {
            return 0;
        }
        LocalDate yearEnd = LocalDate.of(dueDate.getYear(), 12, 31);
        long sameYearDays = ChronoUnit.DAYS.between(dueDate, asOf.isAfter(yearEnd) ? yearEnd : asOf);
        long laterYearDays = asOf.isAfter(yearEnd) ? ChronoUnit.DAYS.between(yearEnd, asOf) : 0;
        long rateDays = sameYearDays * plan.lateFeeDailyRate() + laterYearDays * plan.lateFeeCrossYearDailyRate();
        long fee = (unpaidFen * rateDays + 50_000) / 100_000;
        return Math.min(fee, unpaidFen);
    }

    /** centi-kWh × (1/10,000 CNY per kWh) → fen, rounded half up. */
    static long fen(long centiKwh, long price) {
        return (centiKwh * price + 5_000) / 10_000;
    }

    /** As {@link #fen(long, long)} at {@code price} × {@code ratioMilli}/1000, rounded once at the end. */
    static long fen(long centiKwh, long price, long ratioMilli) {
        return (centiKwh * price * ratioMilli + 5_000_000) / 10_000_000;
    }
}
