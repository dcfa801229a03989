package com.gridcare.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How good a score is on bills with a known outcome: AUC (does it rank late bills above punctual ones), Brier score
 * (mean squared error of the probability) and a calibration table (deciles of the score: mean predicted against the
 * observed late rate).
 */
public record RiskMetrics(int bills, double lateRate, Double auc, double brier, List<CalibrationBin> calibration) {

    public record CalibrationBin(int bills, double meanPredicted, double observedLate) {
    }

    static RiskMetrics of(double[] scores, boolean[] late) {
        int n = scores.length;
        if (n == 0) {
            return new RiskMetrics(0, 0, null, 0, List.of());
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        int positives = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            positives += late[i] ? 1 : 0;
            double error = scores[i] - (late[i] ? 1 : 0);
            brier += error * error;
        }
        return new RiskMetrics(n, (double) positives / n, auc(scores, late, order, positives), brier / n,
                deciles(scores, late, order));
    }

    /** Mann-Whitney: the chance a late bill scores above a punctual one, ties counting half; null without both. */
    private static Double auc(double[] scores, boolean[] late, Integer[] order, int positives) {
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        double rankSum = 0;
        for (int start = 0; start < order.length;) {
            int end = start;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                end++;
            }
            double averageRank = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++) {
                rankSum += late[order[i]] ? averageRank : 0;
            }
            start = end;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static List<CalibrationBin> deciles(double[] scores, boolean[] late, Integer[] order) {
        List<CalibrationBin> bins = new ArrayList<>(10);
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) order.length * d / 10);
            int to = (int) ((long) order.length * (d + 1) / 10);
            if (to == from) {
                continue;
            }
            double predicted = 0;
            int observed = 0;
            for (int i = from; i < to; i++) {
                predicted += scores[order[i]];
                observed += late[order[i]] ? 1 : 0;
            }
            bins.add(new CalibrationBin(to - from, predicted / (to - from), (double) observed / (to - from)));
        }
        return bins;
    }
}
