package com.gridcare.risk;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import com.gridcare.billing.PaymentHistory;

/**
 * The bills of the sampled accounts split by when they were issued: training months, then validation months (which
 * choose the hyper-parameters and fit the calibration), then test months that only measure. Every bill's features are
 * as of its issue day. Training and validation bills count only if they fell due before the first test day, so no
 * outcome from the test period reaches them.
 */
final class RiskDataset implements Consumer<PaymentHistory> {

    /**
     * Bills issued in months {@code (trainUntil - validationMonths, trainUntil]} validate; later ones up to
     * {@code testUntil} test (null: all with a known outcome, due before {@code horizon}).
     */
    record Window(YearMonth trainUntil, int validationMonths, YearMonth testUntil, LocalDate horizon) {

        YearMonth validationFrom() {
            return trainUntil.minusMonths(validationMonths - 1L);
        }

        LocalDate testFrom() {
            return trainUntil.plusMonths(1).atDay(1);
        }
    }

    /** Bills with their features and outcomes, in reading order. */
    static final class Part {
        final List<RiskFeatures.Row> rows = new ArrayList<>();
        final List<Boolean> late = new ArrayList<>();
        LocalDate firstIssued;
        LocalDate lastIssued;

        void add(RiskFeatures.Row row, boolean wasLate, LocalDate issuedOn) {
            rows.add(row);
            note(wasLate, issuedOn);
        }

        /** Counts a bill without keeping its features (the training ones live in the Tribuo dataset). */
        void note(boolean wasLate, LocalDate issuedOn) {
            late.add(wasLate);
            firstIssued = firstIssued == null || issuedOn.isBefore(firstIssued) ? issuedOn : firstIssued;
            lastIssued = lastIssued == null || issuedOn.isAfter(lastIssued) ? issuedOn : lastIssued;
        }

        int size() {
            return rows.size();
        }

        boolean[] outcomes() {
            boolean[] outcomes = new boolean[late.size()];
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = late.get(i);
            }
            return outcomes;
        }
    }

    private static final Label LATE = new Label(RiskModel.LATE);
    private static final Label ON_TIME = new Label(RiskModel.ON_TIME);

    final Window window;
    final MutableDataset<Label> training;
    final Part trainingPart = new Part();
    final Part validation = new Part();
    final Part test = new Part();
    private final Map<String, double[]> sums = new HashMap<>();

    RiskDataset(Window window) {
        this.window = window;
        LabelFactory labels = new LabelFactory();
        this.training = new MutableDataset<>(new SimpleDataSourceProvenance("gridcare bills", labels), labels);
    }

    @Override
    public void accept(PaymentHistory history) {
        for (PaymentHistory.Bill bill : history.bills()) {
            if (!bill.dueDate().isBefore(window.horizon())) {
                break;
            }
            boolean late = RiskFeatures.late(bill);
            YearMonth issued = YearMonth.from(bill.issuedOn());
            if (window.testUntil() != null && issued.isAfter(window.testUntil())) {
                break;
            }
            boolean tests = issued.isAfter(window.trainUntil());
            if (!tests && !bill.dueDate().isBefore(window.testFrom())) {
                continue;
            }
            RiskFeatures.Row row = RiskFeatures.asOf(history, bill.issuedOn(), bill.totalFen());
            if (tests) {
                test.add(row, late, bill.issuedOn());
            } else if (!issued.isBefore(window.validationFrom())) {
                validation.add(row, late, bill.issuedOn());
            } else {
                trainingPart.note(late, bill.issuedOn());
                RiskFeatures.Vector vector = row.vector();
                training.add(new ArrayExample<>(late ? LATE : ON_TIME, vector.names(), vector.values()));
                for (int i = 0; i < vector.names().length; i++) {
                    double[] sum = sums.computeIfAbsent(vector.names()[i], name -> new double[1]);
                    sum[0] += vector.values()[i];
                }
            }
        }
    }

    /** Each feature's mean over the training bills (absent one-hots count as 0). */
    Map<String, Double> trainingMeans() {
        Map<String, Double> means = new HashMap<>();
        sums.forEach((name, sum) -> means.put(name, sum[0] / Math.max(1, training.size())));
        return means;
    }
}
