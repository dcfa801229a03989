package com.gridcare.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;

class BillCalculatorTests {

    /** The seeded residential tiered plan: 0.588 CNY/kWh, +0.05 in tier 2, +0.30 in tier 3, 0.1 % per day late. */
    private static final TariffPlan TIERED = new TariffPlan("RES_TIERED", TariffPlan.Pricing.TIERED, 5_880, 0, 0, 0, 0,
            Month.MAY, Month.OCTOBER, 100, 100,
            List.of(new TariffPlan.Tier(1, 260, 0), new TariffPlan.Tier(2, 600, 500), new TariffPlan.Tier(3, null, 3_000)),
            List.of(new TariffPlan.Tier(1, 200, 0), new TariffPlan.Tier(2, 400, 500), new TariffPlan.Tier(3, null, 3_000)));

    private static final TariffPlan INDUSTRIAL = new TariffPlan("LARGE_INDUSTRIAL", TariffPlan.Pricing.TWO_PART, 6_030,
            1_700, 380, 3_200, 280, null, null, 200, 300, List.of(), List.of());

    @Test
    void shouldSplitASummerMonthOverTheSummerTiers() {
        var charges = BillCalculator.price(TIERED, Month.AUGUST, 70_000, null, 0); // 700 kWh
        assertThat(charges.tierCentiKwh()).containsExactly(26_000, 34_000, 10_000);
        assertThat(charges.tierFen()).containsExactly(15_288, 21_692, 8_880); // 260×0.588, 340×0.638, 100×0.888
        assertThat(charges.totalFen()).isEqualTo(15_288 + 21_692 + 8_880);
    }

    @Test
    void shouldUseTheLowerNonSummerThresholds() {
        var charges = BillCalculator.price(TIERED, Month.DECEMBER, 25_000, null, 0); // 250 kWh
        assertThat(charges.tierCentiKwh()).containsExactly(20_000, 5_000, 0);
    }

    @Test
    void shouldPriceTwoPartTariffsByPeriodAndCapacity() {
        long[] tou = { 1_000_000, 1_000_000, 1_000_000 }; // 10,000 kWh in each period
        var charges = BillCalculator.price(INDUSTRIAL, Month.MARCH, 3_000_000, tou, 630);
        // peak 0.603×1.7 = 1.0251, flat 0.603, valley 0.603×0.38 = 0.22914 → 10,251 + 6,030 + 2,291.40
        assertThat(charges.energyFen()).isEqualTo(1_025_100 + 603_000 + 229_140);
        assertThat(charges.demandFen()).isEqualTo(630 * 3_200);
        assertThat(charges.surchargeFen()).isEqualTo(84_000);
    }

    @Test
    void shouldChargeNoLateFeeUntilAfterTheDueDate() {
        LocalDate due = LocalDate.of(2026, 3, 20);
        assertThat(BillCalculator.lateFeeFen(TIERED, 10_000, due, due)).isZero();
        assertThat(BillCalculator.lateFeeFen(TIERED, 10_000, due, due.plusDays(10))).isEqualTo(100); // 1 % of 100 CNY
    }

    @Test
    void shouldChargeTheCrossYearRateAfterNewYearAndNeverMoreThanThePrincipal() {
        LocalDate due = LocalDate.of(2025, 12, 20);
        // 11 days in 2025 at 0.2 %, 10 days in 2026 at 0.3 % of 1,000 CNY
        assertThat(BillCalculator.lateFeeFen(INDUSTRIAL, 100_000, due, LocalDate.of(2026, 1, 10))).isEqualTo(2_200 + 3_000);
        assertThat(BillCalculator.lateFeeFen(TIERED, 10_000, due, due.plusYears(5))).isEqualTo(10_000);
    }
}
