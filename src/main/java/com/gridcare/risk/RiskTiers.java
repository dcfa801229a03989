package com.gridcare.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Probability to tier. Most accounts by probability alone; an HV customer whose usual bill is large also by the amount
 * at risk (probability × usual bill), taking the higher of the two: a 2 % chance on a 500,000-yuan bill is worth a
 * call that a 2 % chance on a household's 80 yuan never is.
 */
@ApplicationScoped
class RiskTiers {

    private final RiskConfig config;

    RiskTiers(RiskConfig config) {
        this.config = config;
    }

    boolean hvLargeBill(boolean highVoltage, BigDecimal usualBill) {
        return highVoltage && usualBill.compareTo(config.hv().largeBill()) >= 0;
    }

    static BigDecimal amountAtRisk(double probability, BigDecimal usualBill) {
        return usualBill.multiply(BigDecimal.valueOf(probability)).setScale(2, RoundingMode.HALF_UP);
    }

    RiskTier tier(double probability, boolean hvLargeBill, BigDecimal amountAtRisk) {
        RiskTier byProbability = probability >= config.highThreshold() ? RiskTier.HIGH
                : probability >= config.mediumThreshold() ? RiskTier.MEDIUM : RiskTier.LOW;
        if (!hvLargeBill) {
            return byProbability;
        }
        RiskTier byAmount = amountAtRisk.compareTo(config.hv().highAtRisk()) >= 0 ? RiskTier.HIGH
                : amountAtRisk.compareTo(config.hv().mediumAtRisk()) >= 0 ? RiskTier.MEDIUM : RiskTier.LOW;
        return byAmount.compareTo(byProbability) > 0 ? byAmount : byProbability;
    }
}
