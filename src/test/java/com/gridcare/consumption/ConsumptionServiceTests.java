package com.gridcare.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConsumptionServiceTests {

    private static final long SMART = TestUtility.FIRST_TEST_ID + 1;
    private static final long CLASSIC = TestUtility.FIRST_TEST_ID + 2;
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);

    @Inject
    ConsumptionService consumption;

    @Inject
    TestUtility utility;

    @Inject
    MutableClock clock;

    @BeforeEach
    void generatedUtilityOnItsAsOfDay() throws Exception {
        utility.ensureGenerated();
        clock.setLocal(TestUtility.NOW);
    }

    @AfterEach
    void cleanUp() throws Exception {
        utility.removeTestRows();
        clock.reset();
    }

    @Test
    void shouldGiveTwelveMonthsWithMonthOnMonthChangeAsComputedInSql() throws Exception {
        long customer = utility.count("select min(id) from customer where tariff_code = 'RES_TIERED'");

        var monthly = consumption.monthly(customer, 12).await().indefinitely();

        assertThat(monthly.from()).isEqualTo("2025-11");
        assertThat(monthly.to()).isEqualTo("2026-10");
        assertThat(monthly.series()).extracting(MonthlyConsumption.MonthUsage::period)
                .containsExactly("2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
                        "2026-07", "2026-08", "2026-09", "2026-10");
        var october = monthly.series().get(11);
        assertThat(october.kwh()).isEqualByComparingTo(utility.decimal(
                "select consumption_kwh from monthly_reading where meter_id = ? and period = date '2026-10-01'", customer));
        BigDecimal expectedChange = utility.decimal("""
                select round((o.consumption_kwh - s.consumption_kwh) * 100 / s.consumption_kwh, 1)
                  from monthly_reading o join monthly_reading s on s.meter_id = o.meter_id
                 where o.meter_id = ? and o.period = date '2026-10-01' and s.period = date '2026-09-01'""", customer);
        assertThat(october.monthOnMonthPercent()).isEqualTo(expectedChange);
        // the dataset holds twelve months: the first has no previous month and none has last year's
        assertThat(monthly.series().get(0).monthOnMonthPercent()).isNull();
        assertThat(monthly.series()).allSatisfy(month -> assertThat(month.yearOnYearPercent()).isNull());
        assertThat(october.peakKwh()).isNull();
    }

    @Test
    void shouldShowMissingMonthsOfTwentyFourAsNulls() throws Exception {
        long customer = utility.count("select min(id) from customer where tariff_code = 'RES_TOU'");

        var monthly = consumption.monthly(customer, 24).await().indefinitely();

        assertThat(monthly.series()).hasSize(24);
        assertThat(monthly.series().get(0).period()).isEqualTo("2024-11");
        assertThat(monthly.series().subList(0, 12)).allSatisfy(month -> {
            assertThat(month.kwh()).isNull();
            assertThat(month.monthOnMonthPercent()).isNull();
        });
        assertThat(monthly.series().subList(12, 24)).allSatisfy(month -> {
            assertThat(month.kwh()).isNotNull();
            assertThat(month.yearOnYearPercent()).isNull();
            assertThat(month.peakKwh().add(month.flatKwh()).add(month.valleyKwh())).isEqualByComparingTo(month.kwh());
        });
        assertThat(monthly.series().get(12).monthOnMonthPercent()).isNull();
        assertThat(monthly.series().get(13).monthOnMonthPercent()).isNotNull();
    }

    @Test
    void shouldCompareWithTheSameMonthLastYear() throws Exception {
        utility.customer(CLASSIC, "RES_TIERED", "CLASSIC");
        for (int m = 0; m < 24; m++) {
            LocalDate period = LocalDate.of(2024, 11, 1).plusMonths(m);
            // 100, 101, ... 123 kWh from 2024-11, but 0 in 2025-06 and nothing in 2025-09
            if (!period.equals(LocalDate.of(2025, 9, 1))) {
                utility.monthlyReading(CLASSIC, period, period.equals(LocalDate.of(2025, 6, 1)) ? "0" : String.valueOf(100 + m));
            }
        }

        var series = consumption.monthly(CLASSIC, 24).await().indefinitely().series();

        var november = series.get(12); // 2025-11: 112 kWh against 100 a year before and 111 the month before
        assertThat(november.period()).isEqualTo("2025-11");
        assertThat(november.yearOnYearPercent()).isEqualByComparingTo("12.0");
        assertThat(november.monthOnMonthPercent()).isEqualByComparingTo("0.9");
        var october = series.get(23); // 2026-10: 123 against 111 (+10.8 %) and 122 (+0.8 %)
        assertThat(october.period()).isEqualTo("2026-10");
        assertThat(october.kwh()).isEqualByComparingTo("123");
        assertThat(october.yearOnYearPercent()).isEqualByComparingTo("10.8");
        assertThat(october.monthOnMonthPercent()).isEqualByComparingTo("0.8");
        assertThat(series.get(10).kwh()).as("2025-09 has no reading").isNull();
        assertThat(series.get(11).monthOnMonthPercent()).as("2025-10 against the missing 2025-09").isNull();
        assertThat(series.get(22).yearOnYearPercent()).as("2026-09 against the missing 2025-09").isNull();
        assertThat(series.get(19).yearOnYearPercent()).as("2026-06 against 0 kWh in 2025-06").isNull();
        assertThat(series.get(8).monthOnMonthPercent()).as("2025-07 against 0 kWh in 2025-06").isNull();
        assertThat(series.get(0).yearOnYearPercent()).isNull();
    }

    @Test
    void shouldRefuseOtherSpansThanTwelveOrTwentyFourMonths() {
        assertThatThrownBy(() -> consumption.monthly(1, 6).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void shouldGiveSmartMeterDaysUpToYesterday() throws Exception {
        long customer = utility.count("""
                select min(c.id) from customer c join meter m on m.customer_id = c.id
                 where m.kind = 'SMART' and c.voltage_class = 'LV'""");

        var daily = consumption.daily(customer, NOVEMBER, LocalDate.of(2026, 11, 30)).await().indefinitely();

        assertThat(daily.days()).hasSize(25);
        assertThat(daily.days().get(0).day()).isEqualTo(NOVEMBER);
        assertThat(daily.days().get(24).day()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(daily.totalKwh()).isEqualByComparingTo(utility.decimal(
                "select sum(consumption_kwh) from daily_reading where meter_id = ? and day >= date '2026-11-01'", customer));
    }

    @Test
    void shouldLimitTheDailyRangeTo92Days() throws Exception {
        long customer = utility.count("select min(customer_id) from meter where kind = 'SMART'");

        assertThat(consumption.daily(customer, LocalDate.of(2026, 8, 26), LocalDate.of(2026, 11, 25)).await()
                .indefinitely().days()).hasSize(62); // 92 days asked, 62 kept by the dataset
        assertThatThrownBy(() -> consumption.daily(customer, LocalDate.of(2026, 8, 25), LocalDate.of(2026, 11, 25))
                .await().indefinitely()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("92");
        assertThatThrownBy(() -> consumption.daily(customer, NOVEMBER, NOVEMBER.minusDays(1)).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void shouldRefuseDailyReadingsOfAClassicMeter() throws Exception {
        long customer = utility.count("select min(customer_id) from meter where kind = 'CLASSIC'");

        assertThatThrownBy(() -> consumption.daily(customer, NOVEMBER, NOVEMBER.plusDays(9)).await().indefinitely())
                .isInstanceOf(NotSmartMeterException.class);
    }

    @Test
    void shouldPlaceThisMonthInItsTiersAndMoveOnWhenAThresholdIsCrossed() throws Exception {
        utility.customer(SMART, "RES_TIERED", "SMART");
        utility.dailyReadings(SMART, NOVEMBER, NOVEMBER.plusDays(23), "8.00"); // 24 days: 192 kWh

        var position = consumption.tierPosition(SMART).await().indefinitely();

        // November is outside the summer months: tier 1 ends at 200 kWh
        assertThat(position.period()).isEqualTo("2026-11");
        assertThat(position.season()).isEqualTo("NON_SUMMER");
        assertThat(position.kwhThisMonth()).isEqualByComparingTo("192");
        assertThat(position.readingsThrough()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(position.tier()).isEqualTo(1);
        assertThat(position.kwhLeftInTier()).isEqualByComparingTo("8");
        assertThat(position.nextKwhPrice()).isEqualByComparingTo("0.5880");

        utility.dailyReadings(SMART, NOVEMBER.plusDays(24), NOVEMBER.plusDays(24), "10.50"); // 202.5 kWh

        var crossed = consumption.tierPosition(SMART).await().indefinitely();
        assertThat(crossed.tier()).isEqualTo(2);
        assertThat(crossed.tierUpperKwh()).isEqualTo(400);
        assertThat(crossed.kwhLeftInTier()).isEqualByComparingTo("197.5");
        assertThat(crossed.nextKwhPrice()).isEqualByComparingTo("0.6380");
    }

    @Test
    void shouldPlaceAMonthWithoutSmartReadingsAtTheStartOfTheFirstTier() throws Exception {
        utility.customer(CLASSIC, "RES_TIERED", "CLASSIC");
        clock.setLocal(LocalDate.of(2026, 7, 10).atTime(9, 0)); // summer: tier 1 ends at 260 kWh

        var position = consumption.tierPosition(CLASSIC).await().indefinitely();

        assertThat(position.smartMeter()).isFalse();
        assertThat(position.kwhThisMonth()).isEqualByComparingTo("0");
        assertThat(position.season()).isEqualTo("SUMMER");
        assertThat(position.tier()).isEqualTo(1);
        assertThat(position.kwhLeftInTier()).isEqualByComparingTo("260");
    }

    @Test
    void shouldSayWhenATariffHasNoTiers() throws Exception {
        long shop = utility.count("select min(id) from customer where tariff_code = 'COMMERCIAL_LV'");
        long timeOfUse = utility.count("select min(id) from customer where tariff_code = 'RES_TOU'");

        var flat = consumption.tierPosition(shop).await().indefinitely();
        assertThat(flat.tiered()).isFalse();
        assertThat(flat.tier()).isNull();
        assertThat(flat.kwhLeftInTier()).isNull();
        assertThat(flat.nextKwhPrice()).isEqualByComparingTo("0.6930"); // energy 0.6650 + surcharge 0.0280

        var tou = consumption.tierPosition(timeOfUse).await().indefinitely();
        assertThat(tou.tiered()).isFalse();
        assertThat(tou.tier()).isNull();
        assertThat(tou.nextKwhPrice()).isNull();
    }

    @Test
    void shouldEstimateASmartMeterMonthFromItsDaysSoFar() throws Exception {
        utility.customer(SMART, "RES_TIERED", "SMART");
        utility.dailyReadings(SMART, NOVEMBER, NOVEMBER.plusDays(24), "8.00"); // 25 days: 200 kWh

        var estimate = consumption.currentMonthEstimate(SMART).await().indefinitely();

        assertThat(estimate.estimate()).isTrue();
        assertThat(estimate.basis()).isEqualTo("SMART_METER_SO_FAR");
        assertThat(estimate.kwhSoFar()).isEqualByComparingTo("200");
        assertThat(estimate.daysCovered()).isEqualTo(25);
        assertThat(estimate.daysInMonth()).isEqualTo(30);
        assertThat(estimate.estimatedKwh()).isEqualByComparingTo("240");
        // 200 kWh × 0.5880 + 40 kWh × 0.6380
        assertThat(estimate.energyAmount()).isEqualByComparingTo("143.12");
        assertThat(estimate.estimatedTotal()).isEqualByComparingTo("143.12");
    }

    @Test
    void shouldEstimateAClassicMeterMonthFromTheSameMonthLastYear() throws Exception {
        utility.customer(CLASSIC, "RES_TIERED", "CLASSIC");
        utility.monthlyReading(CLASSIC, LocalDate.of(2025, 11, 1), "180");
        utility.monthlyReading(CLASSIC, LocalDate.of(2026, 10, 1), "300");

        var estimate = consumption.currentMonthEstimate(CLASSIC).await().indefinitely();

        assertThat(estimate.basis()).isEqualTo("SAME_MONTH_LAST_YEAR");
        assertThat(estimate.basisPeriods()).containsExactly("2025-11");
        assertThat(estimate.estimatedKwh()).isEqualByComparingTo("180");
        assertThat(estimate.estimatedTotal()).isEqualByComparingTo("105.84");
    }

    @Test
    void shouldEstimateAClassicMeterMonthFromTheLastThreeMonthsWithoutLastYear() throws Exception {
        utility.customer(CLASSIC, "RES_TIERED", "CLASSIC");
        utility.monthlyReading(CLASSIC, LocalDate.of(2026, 8, 1), "300");
        utility.monthlyReading(CLASSIC, LocalDate.of(2026, 9, 1), "250");
        utility.monthlyReading(CLASSIC, LocalDate.of(2026, 10, 1), "200");

        var estimate = consumption.currentMonthEstimate(CLASSIC).await().indefinitely();

        assertThat(estimate.basis()).isEqualTo("AVERAGE_OF_LAST_3_MONTHS");
        assertThat(estimate.basisPeriods()).containsExactly("2026-08", "2026-09", "2026-10");
        assertThat(estimate.estimatedKwh()).isEqualByComparingTo("250");
        assertThat(estimate.estimatedTotal()).isEqualByComparingTo("149.50"); // 200 × 0.5880 + 50 × 0.6380
    }

    @Test
    void shouldSplitATimeOfUseEstimateLikeItsBasisMonth() throws Exception {
        utility.customer(CLASSIC, "RES_TOU", "CLASSIC");
        utility.monthlyReading(CLASSIC, LocalDate.of(2025, 11, 1), "40", "30", "30");

        var estimate = consumption.currentMonthEstimate(CLASSIC).await().indefinitely();

        // peak 40 × 0.5880 × 1.65 = 38.81, flat 30 × 0.5880 = 17.64, valley 30 × 0.5880 × 0.38 = 6.70
        assertThat(estimate.estimatedTotal()).isEqualByComparingTo("63.15");
    }

    @Test
    void shouldSayWhenThereIsNothingToEstimateFrom() throws Exception {
        utility.customer(CLASSIC, "RES_TIERED", "CLASSIC");

        var estimate = consumption.currentMonthEstimate(CLASSIC).await().indefinitely();

        assertThat(estimate.basis()).isEqualTo("NONE");
        assertThat(estimate.estimatedTotal()).isNull();
    }

    @Test
    void shouldEstimateGeneratedCustomersByTheirMeters() throws Exception {
        long smart = utility.count("""
                select min(c.id) from customer c join meter m on m.customer_id = c.id
                 where m.kind = 'SMART' and c.tariff_code = 'RES_TIERED'""");
        long classic = utility.count("""
                select min(c.id) from customer c join meter m on m.customer_id = c.id
                 where m.kind = 'CLASSIC' and c.tariff_code = 'RES_TIERED'""");

        var fromDays = consumption.currentMonthEstimate(smart).await().indefinitely();
        var fromLastYear = consumption.currentMonthEstimate(classic).await().indefinitely();

        BigDecimal soFar = utility.decimal(
                "select sum(consumption_kwh) from daily_reading where meter_id = ? and day >= date '2026-11-01'", smart);
        assertThat(fromDays.basis()).isEqualTo("SMART_METER_SO_FAR");
        assertThat(fromDays.kwhSoFar()).isEqualByComparingTo(soFar);
        assertThat(fromDays.estimatedKwh()).isEqualByComparingTo(
                soFar.multiply(BigDecimal.valueOf(30)).divide(BigDecimal.valueOf(25), 2, RoundingMode.HALF_UP));
        assertThat(fromLastYear.basis()).isEqualTo("SAME_MONTH_LAST_YEAR");
        assertThat(fromLastYear.estimatedKwh()).isEqualByComparingTo(utility.decimal(
                "select consumption_kwh from monthly_reading where meter_id = ? and period = date '2025-11-01'", classic));
        assertThat(List.of(fromDays.estimatedTotal(), fromLastYear.estimatedTotal()))
                .allSatisfy(total -> assertThat(total).isPositive());
        assertThat(YearMonth.parse(fromDays.period())).isEqualTo(YearMonth.of(2026, 11));
    }
}
