package com.gridcare.risk;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A stored model: its version, the bills it was trained, validated and tested on, and how it did. */
public record RiskModelSummary(int version, OffsetDateTime trainedAt, LocalDate trainFrom, LocalDate trainUntil,
        LocalDate validatedUntil, LocalDate testedUntil, int trainingBills, int validationBills, int testBills,
        int accountsScored, RiskEvaluation evaluation) {
}
