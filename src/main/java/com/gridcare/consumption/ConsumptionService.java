package com.gridcare.consumption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.billing.Amounts;
import com.gridcare.billing.BillCalculator;
import com.gridcare.billing.TariffCatalog;
import com.gridcare.billing.TariffPlan;
import com.gridcare.common.InvalidRequestException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Consumption of one customer whose access the caller has already checked: monthly series, smart-meter days, the
 * position in this month's tiers and an estimate of this month's bill. One query per call; "this month" is the
 * clock's month in the utility's time zone, and prices come from the tariff tables through {@link TariffCatalog} and
 * {@link BillCalculator}, the rules the bills were priced with.
 */
@ApplicationScoped
public class ConsumptionService {

    public static final int MAX_DAILY_RANGE_DAYS = 92;

    private static final String MONTHLY = """
            select r.period, sum(r.consumption_kwh) as kwh, sum(r.peak_kwh) as peak, sum(r.flat_kwh) as flat,
                   sum(r.valley_kwh) as valley
              from meter m join monthly_reading r on r.meter_id = m.id
             where m.customer_id = $1 and r.period >= $2 and r.period <= $3
             group by r.period""";

    private static final String DAILY = """
            select m.kind, d.day, d.consumption_kwh
              from meter m
              left join daily_reading d on d.meter_id = m.id and d.day >= $2 and d.day <= $3
             where m.customer_id = $1""";

    /** The customer's tariff and this month's smart-meter kWh so far ($2 = the 1st of this month, $3 = of the next). */
    private static final String TIER_POSITION = """
            select c.tariff_code, s.smart, s.kwh as month_kwh, s.through
              from customer c
             cross join lateral (
                   select coalesce(bool_or(m.kind = 'SMART'), false) as smart,
                          coalesce(sum(d.consumption_kwh), 0) as kwh, max(d.day) as through
                     from meter m
                     left join daily_reading d on d.meter_id = m.id and d.day >= $2 and d.day < $3
                    where m.customer_id = c.id) s
             where c.id = $1""";

    /** As {@link #TIER_POSITION}, with the monthly readings of the periods in $4: one row each, or one of nulls. */
    private static final String ESTIMATE = """
            select c.tariff_code, c.contracted_kva, s.smart, s.kwh as month_kwh, s.through,
                   r.period, r.kwh, r.peak, r.flat, r.valley
              from customer c
             cross join lateral (
                   select coalesce(bool_or(m.kind = 'SMART'), false) as smart,
                          coalesce(sum(d.consumption_kwh), 0) as kwh, max(d.day) as through
                     from meter m
                     left join daily_reading d on d.meter_id = m.id and d.day >= $2 and d.day < $3
                    where m.customer_id = c.id) s
              left join lateral (
                   select r.period, sum(r.consumption_kwh) as kwh, sum(r.peak_kwh) as peak, sum(r.flat_kwh) as flat,
                          sum(r.valley_kwh) as valley
                     from meter m join monthly_reading r on r.meter_id = m.id
                    where m.customer_id = c.id and r.period = any($4)
                    group by r.period) r on true
             where c.id = $1""";

    private final Pool pool;
    private final TariffCatalog tariffs;
    private final Clock clock;

    public ConsumptionService(Pool pool, TariffCatalog tariffs, Clock clock) {
        this.pool = pool;
        this.tariffs = tariffs;
        this.clock = clock;
    }

    /** The last {@code months} (12 or 24) complete months, oldest first, with month-on-month and year-on-year change. */
    public Uni<MonthlyConsumption> monthly(long customerId, int months) {
        if (months != 12 && months != 24) {
            return Uni.createFrom().failure(new InvalidRequestException("months must be 12 or 24"));
        }
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        YearMonth first = last.minusMonths(months - 1L);
        // a year more than shown, so that the first months have their year-on-year comparison
        return pool.preparedQuery(MONTHLY).execute(Tuple.of(customerId, first.minusMonths(12).atDay(1), last.atDay(1)))
                .map(rows -> {
                    Map<YearMonth, Row> byPeriod = new HashMap<>();
                    for (Row row : rows) {
                        byPeriod.put(YearMonth.from(row.getLocalDate("period")), row);
                    }
                    List<MonthlyConsumption.MonthUsage> series = new ArrayList<>(months);
                    for (YearMonth period = first; !period.isAfter(last); period = period.plusMonths(1)) {
                        Row row = byPeriod.get(period);
                        BigDecimal kwh = row == null ? null : row.getBigDecimal("kwh");
                        series.add(new MonthlyConsumption.MonthUsage(period.toString(), kwh,
                                row == null ? null : row.getBigDecimal("peak"),
                                row == null ? null : row.getBigDecimal("flat"),
                                row == null ? null : row.getBigDecimal("valley"),
                                change(kwh, byPeriod.get(period.minusMonths(1))),
                                change(kwh, byPeriod.get(period.minusMonths(12)))));
                    }
                    return new MonthlyConsumption(months, first.toString(), last.toString(), series);
                });
    }

    /** Smart-meter days from {@code from} to {@code to} inclusive, at most {@value #MAX_DAILY_RANGE_DAYS} days. */
    public Uni<DailyConsumption> daily(long customerId, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            return Uni.createFrom().failure(new InvalidRequestException("from and to are required, from not after to"));
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAILY_RANGE_DAYS) {
            return Uni.createFrom().failure(new InvalidRequestException(
                    "at most " + MAX_DAILY_RANGE_DAYS + " days can be read at once"));
        }
        return pool.preparedQuery(DAILY).execute(Tuple.of(customerId, from, to)).map(rows -> {
            boolean smart = false;
            TreeMap<LocalDate, BigDecimal> days = new TreeMap<>();
            for (Row row : rows) {
                smart |= "SMART".equals(row.getString("kind"));
                LocalDate day = row.getLocalDate("day");
                if (day != null) {
                    days.merge(day, row.getBigDecimal("consumption_kwh"), BigDecimal::add);
                }
            }
            if (!smart) {
                throw new NotSmartMeterException();
            }
            BigDecimal total = days.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            return new DailyConsumption(from, to, total,
                    days.entrySet().stream().map(e -> new DailyConsumption.DayUsage(e.getKey(), e.getValue())).toList());
        });
    }

    /** Where this month's kWh so far stand in the tariff's tiers for this month's season. */
    public Uni<TierPosition> tierPosition(long customerId) {
        YearMonth month = YearMonth.now(clock);
        return tariffs.all().flatMap(plans -> pool.preparedQuery(TIER_POSITION)
                .execute(Tuple.of(customerId, month.atDay(1), month.plusMonths(1).atDay(1)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    TariffPlan plan = plans.get(row.getString("tariff_code"));
                    long used = Amounts.centiKwh(row.getBigDecimal("month_kwh"));
                    return position(plan, month, row.getBoolean("smart"), used, row.getLocalDate("through"));
                }));
    }

    static TierPosition position(TariffPlan plan, YearMonth month, boolean smart, long usedCentiKwh,
            LocalDate through) {
        BigDecimal used = Amounts.kwh(usedCentiKwh);
        String season = plan.summerFirst() == null ? null : plan.isSummer(month.getMonth()) ? "SUMMER" : "NON_SUMMER";
        if (plan.pricing() != TariffPlan.Pricing.TIERED) {
            BigDecimal flatPrice = plan.pricing() == TariffPlan.Pricing.FLAT
                    ? Amounts.pricePerKwh(plan.energyPrice() + plan.surchargePrice())
                    : null;
            return new TierPosition(month.toString(), plan.code(), false, season, smart, used, through, null, null, null,
                    flatPrice);
        }
        List<TariffPlan.Tier> tiers = plan.tiersFor(month.getMonth());
        // the tier of the next kWh: the first whose upper bound is above what is used (exactly at a bound, the next)
        TariffPlan.Tier current = tiers.get(tiers.size() - 1);
        for (TariffPlan.Tier tier : tiers) {
            if (tier.upperKwh() == null || usedCentiKwh < tier.upperKwh() * 100L) {
                current = tier;
                break;
            }
        }
        BigDecimal left = current.upperKwh() == null ? null : Amounts.kwh(current.upperKwh() * 100L - usedCentiKwh);
        return new TierPosition(month.toString(), plan.code(), true, season, smart, used, through, current.tier(),
                current.upperKwh(), left, Amounts.pricePerKwh(plan.energyPrice() + current.markup() + plan.surchargePrice()));
    }

    /** An estimate of this month's bill from the readings so far, or from history where there are none. */
    public Uni<BillEstimate> currentMonthEstimate(long customerId) {
        YearMonth month = YearMonth.now(clock);
        YearMonth lastYear = month.minusMonths(12);
        List<YearMonth> lastThree = List.of(month.minusMonths(3), month.minusMonths(2), month.minusMonths(1));
        LocalDate[] periods = { lastYear.atDay(1), lastThree.get(0).atDay(1), lastThree.get(1).atDay(1),
                lastThree.get(2).atDay(1) };
        return tariffs.all().flatMap(plans -> pool.preparedQuery(ESTIMATE)
                .execute(Tuple.of(customerId, month.atDay(1), month.plusMonths(1).atDay(1), periods))
                .map(rows -> {
                    Map<YearMonth, MonthReading> history = new HashMap<>();
                    Row customer = null;
                    for (Row row : rows) {
                        customer = row;
                        LocalDate period = row.getLocalDate("period");
                        if (period != null) {
                            history.put(YearMonth.from(period), MonthReading.of(row));
                        }
                    }
                    if (customer == null) {
                        throw new NoSuchElementException("No customer " + customerId);
                    }
                    TariffPlan plan = plans.get(customer.getString("tariff_code"));
                    Integer kva = customer.getInteger("contracted_kva");
                    return estimate(plan, kva == null ? 0 : kva, month, customer.getBoolean("smart"),
                            Amounts.centiKwh(customer.getBigDecimal("month_kwh")), customer.getLocalDate("through"),
                            history, lastYear, lastThree);
                }));
    }

    /** A month's reading in centi-kWh; {@code timeOfUse} (peak, flat, valley) only where metered by time of day. */
    record MonthReading(long centiKwh, long[] timeOfUse) {

        static MonthReading of(Row row) {
            long[] timeOfUse = row.getBigDecimal("peak") == null ? null
                    : new long[] { centi(row, "peak"), centi(row, "flat"), centi(row, "valley") };
            return new MonthReading(centi(row, "kwh"), timeOfUse);
        }
    }

    /**
     * {@code history} holds the readings of last year's month and the last three months. The time-of-use split
     * of the estimate follows the basis months (for the smart-meter basis, the last three months, else last year's);
     * without any split history all of it counts as flat.
     */
    static BillEstimate estimate(TariffPlan plan, int contractedKva, YearMonth month, boolean smart, long soFar,
            LocalDate through, Map<YearMonth, MonthReading> history, YearMonth lastYear, List<YearMonth> lastThree) {
        int daysInMonth = month.lengthOfMonth();
        BillEstimate.Basis basis;
        List<YearMonth> basisPeriods;
        long estimated;
        int daysCovered = 0;
        List<YearMonth> recent = lastThree.stream().filter(history::containsKey).toList();
        if (smart && through != null) {
            basis = BillEstimate.Basis.SMART_METER_SO_FAR;
            daysCovered = through.getDayOfMonth();
            basisPeriods = List.of();
            estimated = divideHalfUp(soFar * daysInMonth, daysCovered);
        } else if (history.containsKey(lastYear)) {
            basis = BillEstimate.Basis.SAME_MONTH_LAST_YEAR;
            basisPeriods = List.of(lastYear);
            estimated = history.get(lastYear).centiKwh();
        } else if (!recent.isEmpty()) {
            basis = BillEstimate.Basis.AVERAGE_OF_LAST_3_MONTHS;
            basisPeriods = recent;
            estimated = divideHalfUp(recent.stream().mapToLong(p -> history.get(p).centiKwh()).sum(), recent.size());
        } else {
            return new BillEstimate(month.toString(), true, BillEstimate.Basis.NONE.name(), List.of(),
                    Amounts.kwh(soFar), through, 0, daysInMonth, null, plan.code(), null, null, null, null);
        }
        List<YearMonth> splitFrom = basis == BillEstimate.Basis.SMART_METER_SO_FAR
                ? (recent.isEmpty() && history.containsKey(lastYear) ? List.of(lastYear) : recent)
                : basisPeriods;
        long[] split = split(estimated, splitFrom, history);
        BillCalculator.Charges charges = BillCalculator.price(plan, month.getMonth(), estimated, split, contractedKva);
        return new BillEstimate(month.toString(), true, basis.name(),
                basisPeriods.stream().map(YearMonth::toString).toList(),
                Amounts.kwh(soFar), through, daysCovered, daysInMonth, Amounts.kwh(estimated), plan.code(),
                Amounts.yuan(charges.energyFen()), Amounts.yuan(charges.demandFen()),
                Amounts.yuan(charges.surchargeFen()), Amounts.yuan(charges.totalFen()));
    }

    /** Peak, flat and valley of {@code total} in the proportions of the periods' time-of-use readings. */
    private static long[] split(long total, List<YearMonth> periods, Map<YearMonth, MonthReading> history) {
        long peak = 0;
        long valley = 0;
        long sum = 0;
        for (YearMonth period : periods) {
            long[] month = history.get(period).timeOfUse();
            if (month != null) {
                peak += month[0];
                valley += month[2];
                sum += month[0] + month[1] + month[2];
            }
        }
        if (sum == 0) {
            return new long[] { 0, total, 0 };
        }
        long peakShare = divideHalfUp(total * peak, sum);
        long valleyShare = divideHalfUp(total * valley, sum);
        return new long[] { peakShare, total - peakShare - valleyShare, valleyShare };
    }

    /** Percentage change of {@code kwh} against the comparison month, 1 decimal; null without a usable comparison. */
    private static BigDecimal change(BigDecimal kwh, Row comparison) {
        if (kwh == null || comparison == null) {
            return null;
        }
        BigDecimal before = comparison.getBigDecimal("kwh");
        if (before == null || before.signum() == 0) {
            return null;
        }
        return kwh.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    }

    private static long centi(Row row, String column) {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? 0 : Amounts.centiKwh(value);
    }

    private static long divideHalfUp(long dividend, long divisor) {
        return (2 * dividend + divisor) / (2 * divisor);
    }
}
