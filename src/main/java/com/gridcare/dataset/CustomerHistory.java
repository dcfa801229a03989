package com.gridcare.dataset;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.gridcare.billing.BillCalculator;
import com.gridcare.billing.TariffPlan;

/**
 * One customer's twelve billed months: consumption with seasonality and noise, meter readings, priced bills and how
 * and when each was paid (on time, late with a late fee, in part, or not yet). Recomputed identically by every step
 * that needs it.
 */
final class CustomerHistory {

    static final int MONTHS = 12;
    private static final int FIRST_PAYMENT_SECOND = 7 * 3600;
    private static final int PAYMENT_SECONDS = 16 * 3600;
    private static final double[] HOUSEHOLD_SEASON = { 0.95, 0.85, 0.80, 0.90, 1.15, 1.40, 1.65, 1.70, 1.45, 1.10, 0.90, 0.95 };
    private static final double[] COMMERCIAL_SEASON = { 0.95, 0.80, 0.95, 1.00, 1.08, 1.18, 1.28, 1.30, 1.20, 1.05, 0.98, 0.97 };
    private static final double[] INDUSTRIAL_SEASON = { 1.00, 0.70, 0.95, 1.02, 1.03, 1.05, 1.06, 1.06, 1.04, 1.02, 1.03, 1.04 };

    final CustomerProfile profile;
    final YearMonth firstPeriod;
    final long startReading;
    final long[] centiKwh = new long[MONTHS];
    /** Peak, flat and valley centi-kWh of each month, for time-of-use plans; null otherwise. */
    final long[][] timeOfUse;
    final BillCalculator.Charges[] charges = new BillCalculator.Charges[MONTHS];
    final long[] paidFen = new long[MONTHS];
    final long[] lateFeePaidFen = new long[MONTHS];
    final LocalDate[] settledOn = new LocalDate[MONTHS];
    final int[] settledSecond = new int[MONTHS];
    final List<Payment> payments = new ArrayList<>(MONTHS + 2);

    record Payment(int month, LocalDate day, int secondOfDay, long amountFen, long lateFeeFen, String channel) {
        boolean forBill() {
            return month >= 0;
        }
    }

    private CustomerHistory(CustomerProfile profile, YearMonth firstPeriod, long startReading) {
        this.profile = profile;
        this.firstPeriod = firstPeriod;
        this.startReading = startReading;
        this.timeOfUse = profile.timeOfUse() ? new long[MONTHS][] : null;
    }

    /** Consumption and readings only (the reading steps). */
    static CustomerHistory usage(GenerationRequest request, CustomerProfile profile) {
        SplittableRandom random = Seeds.random(request.seed(), profile.index(), Seeds.USAGE);
        YearMonth first = YearMonth.from(request.asOf()).minusMonths(MONTHS);
        var history = new CustomerHistory(profile, first, 100_000L * (10 + random.nextInt(5_000)));
        for (int m = 0; m < MONTHS; m++) {
            double kwh = history.expectedKwh(first.plusMonths(m)) * Math.exp(random.nextGaussian() * 0.12);
            history.centiKwh[m] = Math.max(0, Math.round(kwh)) * 100;
            if (history.timeOfUse != null) {
                double peak = 0.36 + random.nextGaussian() * 0.04;
                double valley = 0.26 + random.nextGaussian() * 0.04;
                long peakCenti = Math.round(history.centiKwh[m] * peak / 100) * 100;
                long valleyCenti = Math.round(history.centiKwh[m] * valley / 100) * 100;
                history.timeOfUse[m] = new long[] { peakCenti, history.centiKwh[m] - peakCenti - valleyCenti, valleyCenti };
            }
        }
        return history;
    }

    /** Consumption, bills and their settlement (the billing steps). */
    static CustomerHistory billed(GenerationRequest request, CustomerProfile profile, Map<String, TariffPlan> plans) {
        CustomerHistory history = usage(request, profile);
        TariffPlan plan = plans.get(profile.tariffCode());
        for (int m = 0; m < MONTHS; m++) {
            YearMonth period = history.firstPeriod.plusMonths(m);
            history.charges[m] = BillCalculator.price(plan, period.getMonth(), history.centiKwh[m],
                    history.timeOfUse == null ? null : history.timeOfUse[m], profile.contractedKva());
        }
        history.settle(request, plan);
        return history;
    }

    double expectedKwh(YearMonth month) {
        double[] season = switch (profile.segment()) {
            case COMMERCIAL, SHOP -> COMMERCIAL_SEASON;
            case INDUSTRIAL -> INDUSTRIAL_SEASON;
            default -> HOUSEHOLD_SEASON;
        };
        return profile.baseMonthlyKwh() * season[month.getMonthValue() - 1];
    }

    /** Meter reading (centi-kWh) at the start of month {@code m}; {@code m == MONTHS} is the current month's start. */
    long readingAtStartOf(int m) {
        long reading = startReading;
        for (int i = 0; i < m; i++) {
            reading += centiKwh[i];
        }
        return reading;
    }

    /** Receives one smart-meter day: the reading at its end and the day's consumption, both in centi-kWh. */
    interface DailyReadingSink {
        void accept(LocalDate day, long readingCentiKwh, long consumptionCentiKwh) throws SQLException;
    }

    /**
     * The daily readings in the request's window: each billed month's total spread over its days (weekends a little
     * higher), and the current month so far at its expected rate.
     */
    void dailyReadings(GenerationRequest request, DailyReadingSink sink) throws SQLException {
        LocalDate from = request.asOf().minusDays(request.dailyDays());
        YearMonth current = YearMonth.from(request.asOf());
        for (YearMonth month = YearMonth.from(from); !month.isAfter(current); month = month.plusMonths(1)) {
            int m = (int) firstPeriod.until(month, ChronoUnit.MONTHS);
            if (m < 0) {
                continue;
            }
            SplittableRandom random = Seeds.random(request.seed(), (long) profile.index() * 32 + m, Seeds.DAILY);
            int days = month.lengthOfMonth();
            double[] weights = new double[days];
            double sum = 0;
            for (int d = 0; d < days; d++) {
                int dayOfWeek = month.atDay(d + 1).getDayOfWeek().getValue();
                weights[d] = Math.max(0.2, 1 + random.nextGaussian() * 0.25) * (dayOfWeek >= 6 ? 1.1 : 1.0);
                sum += weights[d];
            }
            long total = m < MONTHS ? centiKwh[m] : Math.round(expectedKwh(month) * 100);
            long reading = readingAtStartOf(m);
            long spread = 0;
            for (int d = 0; d < days; d++) {
                LocalDate day = month.atDay(d + 1);
                if (!day.isBefore(request.asOf())) {
                    break;
                }
                long daily = d == days - 1 ? total - spread : Math.round(total * weights[d] / sum);
                daily = Math.max(0, Math.min(daily, total - spread));
                spread += daily;
                reading += daily;
                if (!day.isBefore(from)) {
                    sink.accept(day, reading, daily);
                }
            }
        }
    }

    static LocalDate issuedOn(YearMonth period) {
        return period.plusMonths(1).atDay(3);
    }

    static LocalDate dueDate(YearMonth period) {
        return period.plusMonths(1).atDay(20);
    }

    String billStatus(int m) {
        long total = charges[m].totalFen();
        return paidFen[m] >= total ? "PAID" : paidFen[m] > 0 ? "PARTIALLY_PAID" : "UNPAID";
    }

    private void settle(GenerationRequest request, TariffPlan plan) {
        SplittableRandom random = Seeds.random(request.seed(), profile.index(), Seeds.PAYMENT);
        LocalDate asOf = request.asOf();
        for (int m = 0; m < MONTHS; m++) {
            YearMonth period = firstPeriod.plusMonths(m);
            LocalDate issued = issuedOn(period);
            LocalDate due = dueDate(period);
            long total = charges[m].totalFen();
            if (profile.prepaid()) {
                topUp(random, period, total, asOf);
                if (issued.isBefore(asOf)) {
                    settle(m, total, 0, issued, 3600);
                }
                continue;
            }
            String channel = profile.channel(random);
            boolean autoDebit = channel.startsWith("AUTO_DEBIT");
            LocalDate payDay;
            double share = 1;
            double roll = random.nextDouble();
            switch (profile.payer()) {
                case PUNCTUAL -> payDay = autoDebit ? due.minusDays(3) : issued.plusDays(random.nextInt(18));
                case OCCASIONALLY_LATE -> payDay = roll < 0.78 ? issued.plusDays(random.nextInt(18))
                        : due.plusDays(1 + Math.min(90, (long) (-Math.log(1 - random.nextDouble()) * 10)));
                default -> {
                    if (roll < 0.25) {
                        payDay = issued.plusDays(random.nextInt(18));
                    } else if (roll < 0.70) {
                        payDay = due.plusDays(15 + random.nextInt(106));
                    } else if (roll < 0.80) {
                        payDay = due.plusDays(10 + random.nextInt(51));
                        share = 0.3 + random.nextDouble() * 0.4;
                    } else {
                        payDay = null;
                    }
                }
            }
            if (payDay == null || !payDay.isBefore(asOf) || total == 0) {
                continue;
            }
            long amount = share == 1 ? total : Math.max(1, Math.round(total * share));
            long lateFee = BillCalculator.lateFeeFen(plan, amount, due, payDay);
            int second = autoDebit ? 2 * 3600 + random.nextInt(3600) : FIRST_PAYMENT_SECOND + random.nextInt(PAYMENT_SECONDS);
            settle(m, amount, lateFee, payDay, second);
            payments.add(new Payment(m, payDay, second, amount, lateFee, channel));
        }
    }

    private void settle(int m, long amountFen, long lateFeeFen, LocalDate day, int second) {
        paidFen[m] = amountFen;
        lateFeePaidFen[m] = lateFeeFen;
        settledOn[m] = day;
        settledSecond[m] = second;
    }

    /** Prepaid customers top their balance up once or twice a month, in round amounts, ahead of what they use. */
    private void topUp(SplittableRandom random, YearMonth period, long monthFen, LocalDate asOf) {
        int times = random.nextDouble() < 0.3 ? 2 : 1;
        long each = Math.max(5_000, (monthFen / times / 5_000 + 1) * 5_000);
        for (int t = 0; t < times; t++) {
            LocalDate day = period.atDay(1 + random.nextInt(period.lengthOfMonth()));
            int second = FIRST_PAYMENT_SECOND + random.nextInt(PAYMENT_SECONDS);
            String channel = profile.channel(random);
            if (day.isBefore(asOf)) {
                payments.add(new Payment(-1, day, second, each, 0, channel));
            }
        }
    }
}
