package com.gridcare.risk;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.gridcare.billing.PaymentHistory;

/**
 * The features of one account as of a day, from what was known before that day only: a bill counts as late once its
 * due date has passed unpaid, days late run up to the day, a payment counts once made. Scaled by hand to about 0..1,
 * so that a plain logistic regression trains without a normalisation step; categories are one-hot features named
 * {@code name=value}.
 */
final class RiskFeatures {

    static final String NO_HISTORY = "no_history";
    static final String BILLS_KNOWN = "bills_known";
    static final String LATE_SHARE = "late_share";
    static final String EVER_LATE = "ever_late";
    static final String LATE_COUNT = "late_count";
    static final String MOSTLY_LATE = "mostly_late";
    static final String LATE_LAST = "late_last";
    static final String LATE_RECENT = "late_in_last_3";
    static final String DAYS_LATE_MEAN = "days_late_mean";
    static final String DAYS_LATE_MAX = "days_late_max";
    static final String OPEN_BILLS = "open_bills";
    static final String OPEN_AMOUNT = "open_amount_vs_usual";
    static final String PARTLY_PAID = "partly_paid_share";
    static final String EPISODES = "arrears_episodes";
    static final String LONGEST_EPISODE = "longest_arrears_episode";
    static final String CURRENT_EPISODE = "current_arrears_episode";
    static final String MARGIN = "days_paid_before_due";
    static final String AMOUNT_VS_USUAL = "amount_vs_usual";
    static final String AMOUNT = "log_amount";
    static final String AUTO_DEBIT = "auto_debit_share";
    static final String CHANNEL_CHANGED = "channel_changed";
    static final String CHANNELS = "channels_used";
    static final String LAST_CHANNEL = "last_channel";
    static final String DAYS_SINCE_PAYMENT = "days_since_payment";
    static final String TOP_UPS = "top_ups_60_days";
    static final String TENURE = "tenure_years";
    static final String NEW_CUSTOMER = "new_customer";
    static final String HIGH_VOLTAGE = "high_voltage";
    static final String PREPAID = "prepaid";
    static final String TARIFF = "tariff";
    static final String KVA = "log_contracted_kva";

    private RiskFeatures() {
    }

    /** Named values, one-hot categories included only where set. */
    record Vector(String[] names, double[] values) {
    }

    /** What the rules need, beside the vector. */
    record Known(int decided, int late, boolean lateLast) {

        /** "Late last time → risky". */
        double lastTimeRule() {
            return lateLast ? 1 : 0;
        }

        /** The share of late bills so far, 0 without history. */
        double shareRule() {
            return decided == 0 ? 0 : (double) late / decided;
        }
    }

    record Row(Vector vector, Known known) {
    }

    /** The account as of {@code day} facing a bill of {@code amountFen}. */
    static Row asOf(PaymentHistory history, LocalDate day, long amountFen) {
        Map<Long, Long> paidByBill = new HashMap<>();
        Set<String> kinds = new HashSet<>();
        List<PaymentHistory.Payment> billPayments = new ArrayList<>();
        LocalDate lastPayment = null;
        int topUps = 0;
        for (PaymentHistory.Payment payment : history.payments()) {
            if (!payment.paidOn().isBefore(day)) {
                break;
            }
            lastPayment = payment.paidOn();
            if (payment.billId() == null) {
                topUps += payment.paidOn().isAfter(day.minusDays(60)) ? 1 : 0;
            } else {
                paidByBill.merge(payment.billId(), payment.amountFen(), Long::sum);
                billPayments.add(payment);
                kinds.add(payment.channelKind() + (payment.autoDebit() ? "_AUTO_DEBIT" : ""));
            }
        }

        int issued = 0;
        long issuedFen = 0;
        int decided = 0;
        int late = 0;
        int lateRecent = 0;
        long daysLateSum = 0;
        long daysLateMax = 0;
        int open = 0;
        long openFen = 0;
        int partly = 0;
        int episodes = 0;
        int longest = 0;
        int run = 0;
        long marginSum = 0;
        int onTime = 0;
        boolean lateLast = false;
        List<Boolean> lateness = new ArrayList<>();
        for (PaymentHistory.Bill bill : history.bills()) {
            if (!bill.issuedOn().isBefore(day)) {
                break;
            }
            issued++;
            issuedFen += bill.totalFen();
            boolean settled = bill.settledOn() != null && bill.settledOn().isBefore(day);
            long paid = paidByBill.getOrDefault(bill.id(), 0L);
            if (!settled) {
                open++;
                openFen += Math.max(0, bill.totalFen() - paid);
            }
            if (!bill.dueDate().isBefore(day)) {
                continue;
            }
            decided++;
            boolean wasLate = bill.settledOn() == null || bill.settledOn().isAfter(bill.dueDate());
            lateness.add(wasLate);
            lateLast = wasLate;
            if (wasLate) {
                late++;
                long daysLate = ChronoUnit.DAYS.between(bill.dueDate(), settled ? bill.settledOn() : day);
                daysLateSum += daysLate;
                daysLateMax = Math.max(daysLateMax, daysLate);
                partly += !settled && paid > 0 ? 1 : 0;
                episodes += run == 0 ? 1 : 0;
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
                onTime++;
                marginSum += ChronoUnit.DAYS.between(bill.settledOn(), bill.dueDate());
            }
        }
        for (int i = Math.max(0, lateness.size() - 3); i < lateness.size(); i++) {
            lateRecent += lateness.get(i) ? 1 : 0;
        }

        double usualFen = issued == 0 ? amountFen : (double) issuedFen / issued;
        double tenureYears = Math.max(0, ChronoUnit.DAYS.between(history.openedOn(), day) / 365.25);
        List<String> names = new ArrayList<>(32);
        List<Double> values = new ArrayList<>(32);
        Builder add = (name, value) -> {
            names.add(name);
            values.add(value);
        };
        add.put(NO_HISTORY, decided == 0 ? 1 : 0);
        add.put(BILLS_KNOWN, Math.min(decided, 12) / 12.0);
        // Shrunk toward a typical rate, so one late bill of one is not read as certainty.
        add.put(LATE_SHARE, (late + 0.1) / (decided + 1.0));
        // A linear model cannot bend the share: an occasional late payer and a chronic one differ in kind, not degree.
        add.put(EVER_LATE, late > 0 ? 1 : 0);
        add.put(LATE_COUNT, Math.min(late, 6) / 6.0);
        add.put(MOSTLY_LATE, decided > 0 && 2 * late > decided ? 1 : 0);
        add.put(LATE_LAST, lateLast ? 1 : 0);
        add.put(LATE_RECENT, lateRecent / 3.0);
        add.put(DAYS_LATE_MEAN, decided == 0 ? 0 : Math.min(4, daysLateSum / (30.0 * decided)));
        add.put(DAYS_LATE_MAX, Math.min(4, daysLateMax / 30.0));
        add.put(OPEN_BILLS, Math.min(open, 6) / 3.0);
        add.put(OPEN_AMOUNT, Math.min(6, openFen / Math.max(usualFen, 1)));
        add.put(PARTLY_PAID, decided == 0 ? 0 : (double) partly / decided);
        add.put(EPISODES, Math.min(episodes, 6) / 3.0);
        add.put(LONGEST_EPISODE, Math.min(longest, 6) / 6.0);
        add.put(CURRENT_EPISODE, Math.min(run, 6) / 6.0);
        add.put(MARGIN, onTime == 0 ? 0 : marginSum / (30.0 * onTime));
        add.put(AMOUNT_VS_USUAL, Math.max(-3, Math.min(3, Math.log((amountFen + 100.0) / (usualFen + 100.0)))));
        add.put(AMOUNT, Math.log1p(amountFen / 100.0) / 10);
        add.put(AUTO_DEBIT, billPayments.isEmpty() ? 0
                : billPayments.stream().filter(PaymentHistory.Payment::autoDebit).count() / (double) billPayments.size());
        add.put(CHANNEL_CHANGED, billPayments.size() >= 2 && !channel(billPayments.get(billPayments.size() - 1))
                .equals(channel(billPayments.get(billPayments.size() - 2))) ? 1 : 0);
        add.put(CHANNELS, Math.min(kinds.size(), 4) / 4.0);
        if (!billPayments.isEmpty()) {
            add.put(category(LAST_CHANNEL, channel(billPayments.get(billPayments.size() - 1))), 1);
        }
        add.put(DAYS_SINCE_PAYMENT, lastPayment == null ? 4 : Math.min(4, ChronoUnit.DAYS.between(lastPayment, day) / 30.0));
        add.put(TOP_UPS, Math.min(topUps, 8) / 4.0);
        add.put(TENURE, Math.min(tenureYears, 30) / 10);
        add.put(NEW_CUSTOMER, tenureYears < 1 ? 1 : 0);
        add.put(HIGH_VOLTAGE, history.highVoltage() ? 1 : 0);
        add.put(PREPAID, history.prepaid() ? 1 : 0);
        add.put(category(TARIFF, history.tariffCode()), 1);
        add.put(KVA, history.contractedKva() == null ? 0 : Math.log1p(history.contractedKva()) / 10);

        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return new Row(new Vector(names.toArray(String[]::new), array), new Known(decided, late, lateLast));
    }

    /** The bill's outcome: settled after its due date, or not settled in full (paid late or not at all). */
    static boolean late(PaymentHistory.Bill bill) {
        return bill.settledOn() == null || bill.settledOn().isAfter(bill.dueDate());
    }

    /** Interned: a few dozen distinct names shared by hundreds of thousands of rows. */
    private static String category(String feature, String value) {
        return (feature + "=" + value).intern();
    }

    private static String channel(PaymentHistory.Payment payment) {
        return payment.autoDebit() ? "AUTO_DEBIT" : payment.channelKind();
    }

    @FunctionalInterface
    private interface Builder {
        void put(String name, double value);
    }
}
