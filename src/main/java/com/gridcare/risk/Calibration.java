package com.gridcare.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic calibration of the model's raw probability, fitted on the validation months by pool-adjacent-violators and
 * applied by linear interpolation between the pooled blocks (so distinct raw scores stay distinct and the ranking, and
 * with it the AUC, is kept). Platt scaling was tried first: the validation deciles bent in an S it cannot follow
 * (BENCHMARKS.md).
 */
public record Calibration(double[] raw, double[] probability) {

    static final Calibration IDENTITY = new Calibration(new double[] { 0, 1 }, new double[] { 0, 1 });

    static Calibration fit(double[] scores, boolean[] late) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double base = 0;
        for (boolean each : late) {
            base += each ? 1 : 0;
        }
        base /= Math.max(1, n);
        List<double[]> blocks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            // Block: sum of raw scores, number of late bills, number of bills.
            blocks.add(new double[] { scores[i], late[i] ? 1 : 0, 1 });
            while (blocks.size() > 1 && rate(blocks.get(blocks.size() - 2)) >= rate(blocks.get(blocks.size() - 1))) {
                double[] last = blocks.remove(blocks.size() - 1);
                double[] before = blocks.get(blocks.size() - 1);
                for (int j = 0; j < 3; j++) {
                    before[j] += last[j];
                }
            }
        }
        double[] raw = new double[blocks.size()];
        double[] probability = new double[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            double[] block = blocks.get(b);
            raw[b] = block[0] / block[2];
            // Shrunk toward the overall rate by one bill, so no block says 0 or 1 outright.
            probability[b] = (block[1] + base) / (block[2] + 1);
        }
        return new Calibration(raw, probability);
    }

    private static double rate(double[] block) {
        return block[1] / block[2];
    }

    double apply(double score) {
        if (score <= raw[0]) {
            return probability[0];
        }
        int last = raw.length - 1;
        if (score >= raw[last]) {
            return probability[last];
        }
        int at = Arrays.binarySearch(raw, score);
        if (at >= 0) {
            return probability[at];
        }
        int upper = -at - 1;
        int lower = upper - 1;
        double share = (score - raw[lower]) / (raw[upper] - raw[lower]);
        return probability[lower] + share * (probability[upper] - probability[lower]);
    }
}
