package com.gridcare.risk;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The fee-recovery risk model: when it is trained, on how much, and how probabilities become tiers. */
@ConfigMapping(prefix = "gridcare.risk")
public interface RiskConfig {

    /**
     * When the model is retrained and every account rescored (Quarkus cron; {@code off} for never): weekly, at night,
     * since a week of payments moves the scores and training reads the whole book.
     */
    @WithDefault("0 30 2 ? * SUN")
    String schedule();

    /**
     * At most about this many bills teach, tune and test a model: accounts are sampled (every n-th) to stay below it,
     * which bounds memory and training time at full scale (21 million bills).
     */
    @WithDefault("300000")
    int sampleBills();

    /** The latest months with known outcomes that test a scheduled or on-demand model and that it never sees. */
    @WithDefault("3")
    int testMonths();

    /** The months before the test ones that choose the hyper-parameters and fit the calibration. */
    @WithDefault("1")
    int validationMonths();

    /** From this probability of paying late (or not at all) an account is MEDIUM. */
    @WithDefault("0.15")
    double mediumThreshold();

    /** From this probability an account is HIGH. */
    @WithDefault("0.4")
    double highThreshold();

    /** High-voltage customers with large bills, whose lateness costs far more than a household's. */
    Hv hv();

    interface Hv {

        /** An HV customer whose usual bill (mean of its bills) reaches this amount (CNY) gets this treatment. */
        @WithDefault("20000")
        BigDecimal largeBill();

        /** Probability × usual bill (CNY) from which such a customer is at least MEDIUM. */
        @WithDefault("2000")
        BigDecimal mediumAtRisk();

        /** Probability × usual bill (CNY) from which such a customer is HIGH. */
        @WithDefault("10000")
        BigDecimal highAtRisk();
    }
}
