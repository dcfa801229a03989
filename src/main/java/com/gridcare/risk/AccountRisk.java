package com.gridcare.risk;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account's latest fee-recovery risk: the chance its next bill is paid late or not at all. */
public record AccountRisk(
        String accountNo,
        int modelVersion,
        @Schema(description = "Probability (calibrated) that the next bill is paid after its due date or not in full")
        double probability,
        RiskTier tier,
        @Schema(description = "An HV customer with large bills, tiered by the amount at risk as well")
        boolean hvLargeBill,
        @Schema(description = "Probability × the account's usual bill, CNY")
        BigDecimal amountAtRisk,
        @Schema(description = "What raised the risk most, strongest first")
        List<Driver> drivers,
        OffsetDateTime scoredAt) {
}
