package com.gridcare.risk;

import java.util.ArrayList;
import java.util.List;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Trains the logistic regression on the training months, picks the learning rate and number of passes by AUC on the
 * validation months, fits an isotonic calibration there too, and only then scores the test months, beside the two rules
 * the model must beat. CPU-bound: call it on a worker thread.
 */
final class RiskTrainer {

    /** A learning rate and number of passes of AdaGrad tried on the validation months. */
    record Candidate(double learningRate, int epochs, double validationAuc) {
    }

    /** What a training run produced and how it measured on the months it never saw. */
    record Trained(RiskModel model, Candidate chosen, List<Candidate> tried, RiskMetrics validation,
            RiskMetrics test, RiskMetrics lateLastTime, RiskMetrics lateShare, long trainingMillis) {
    }

    private static final double[][] GRID = { { 0.05, 5 }, { 0.2, 5 }, { 1.0, 5 }, { 0.2, 15 } };
    private static final long SEED = 20261201L;

    private RiskTrainer() {
    }

    static Trained train(RiskDataset data) {
        if (data.training.size() == 0 || data.validation.size() == 0) {
            throw new IllegalStateException("No bills with a known outcome in the training or validation months");
        }
        long started = System.nanoTime();
        boolean[] validationLate = data.validation.outcomes();
        List<Candidate> tried = new ArrayList<>();
        Model<Label> best = null;
        Candidate chosen = null;
        for (double[] point : GRID) {
            var trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(point[0], 0.1), (int) point[1],
                    Integer.MAX_VALUE, 1, SEED);
            Model<Label> model = trainer.train(data.training);
            RiskModel uncalibrated = new RiskModel(model, Calibration.IDENTITY, data.trainingMeans());
            Double measured = RiskMetrics.of(raw(uncalibrated, data.validation), validationLate).auc();
            double auc = measured == null ? 0.5 : measured;
            Candidate candidate = new Candidate(point[0], (int) point[1], auc);
            tried.add(candidate);
            if (chosen == null || auc > chosen.validationAuc()) {
                chosen = candidate;
                best = model;
            }
        }
        RiskModel uncalibrated = new RiskModel(best, Calibration.IDENTITY, data.trainingMeans());
        double[] validationRaw = raw(uncalibrated, data.validation);
        Calibration calibration = Calibration.fit(validationRaw, validationLate);
        RiskModel model = uncalibrated.calibrated(calibration);
        long trainingMillis = (System.nanoTime() - started) / 1_000_000;

        double[] validationScores = new double[validationRaw.length];
        for (int i = 0; i < validationRaw.length; i++) {
            validationScores[i] = calibration.apply(validationRaw[i]);
        }
        RiskDataset.Part test = data.test;
        boolean[] testLate = test.outcomes();
        double[] modelScores = new double[test.size()];
        double[] lastTime = new double[test.size()];
        double[] share = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            RiskFeatures.Row row = test.rows.get(i);
            modelScores[i] = model.probability(row.vector());
            lastTime[i] = row.known().lastTimeRule();
            share[i] = row.known().shareRule();
        }
        return new Trained(model, chosen, tried, RiskMetrics.of(validationScores, validationLate),
                RiskMetrics.of(modelScores, testLate), RiskMetrics.of(lastTime, testLate), RiskMetrics.of(share, testLate),
                trainingMillis);
    }

    private static double[] raw(RiskModel model, RiskDataset.Part part) {
        double[] scores = new double[part.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.raw(part.rows.get(i).vector());
        }
        return scores;
    }
}
