package com.gridcare.risk;

/**
 * How a model did on the test months it never saw, beside the two rules it must beat ("late last time → risky" and
 * the share of late bills so far), with what the validation months chose.
 */
public record RiskEvaluation(RiskMetrics model, RiskMetrics lateLastTime, RiskMetrics lateShare,
        RiskMetrics validation, double learningRate, int epochs, long trainingMillis) {

    static RiskEvaluation of(RiskTrainer.Trained trained) {
        return new RiskEvaluation(trained.test(), trained.lateLastTime(), trained.lateShare(), trained.validation(),
                trained.chosen().learningRate(), trained.chosen().epochs(), trained.trainingMillis());
    }
}
