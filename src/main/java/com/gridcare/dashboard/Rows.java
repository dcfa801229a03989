package com.gridcare.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The dashboard's charts and their rows. */
public final class Rows {

    private Rows() {
    }

    @Schema(name = "ConsumptionMonth", description = "Billed consumption of one month, with the same month a year "
            + "before and the tier reached by tiered households")
    public record ConsumptionMonth(@Schema(example = "2026-07") String period, BigDecimal kwh,
            @Schema(description = "Absent when the data do not reach a year back") BigDecimal previousYearKwh,
            @Schema(description = "kwh / previousYearKwh - 1") Double yearOnYear, long bills, long tier1Households,
            long tier2Households, long tier3Households) {
    }

    @Schema(name = "ConsumptionChart")
    public record ConsumptionChart(OffsetDateTime refreshedAt, List<ConsumptionMonth> rows) implements Chart<ConsumptionMonth> {
        @Override
        @JsonIgnore
        public Class<ConsumptionMonth> rowType() {
            return ConsumptionMonth.class;
        }
    }

    @Schema(name = "CollectionMonth", description = "Bills of one period: amount billed, collected so far, and paid "
            + "by their due date")
    public record CollectionMonth(@Schema(example = "2026-07") String period, long bills, BigDecimal billed,
            BigDecimal collected, long paidOnTime, double onTimeRate) {
    }

    @Schema(name = "CollectionChart")
    public record CollectionChart(OffsetDateTime refreshedAt, List<CollectionMonth> rows) implements Chart<CollectionMonth> {
        @Override
        @JsonIgnore
        public Class<CollectionMonth> rowType() {
            return CollectionMonth.class;
        }
    }

    @Schema(name = "ArrearsBucket", description = "Bills past due and not fully paid, by days overdue and risk tier")
    public record ArrearsBucket(@Schema(enumeration = { "0-30", "31-60", "61-90", "90+" }) String age,
            @Schema(enumeration = { "LOW", "MEDIUM", "HIGH", "NONE" }) String riskTier, long bills, BigDecimal amount) {
    }

    @Schema(name = "ArrearsChart")
    public record ArrearsChart(OffsetDateTime refreshedAt, List<ArrearsBucket> rows) implements Chart<ArrearsBucket> {
        @Override
        @JsonIgnore
        public Class<ArrearsBucket> rowType() {
            return ArrearsBucket.class;
        }
    }

    @Schema(name = "PaymentChannelMonth", description = "Payments made in one month through one payment channel")
    public record PaymentChannelMonth(@Schema(example = "2026-07") String period,
            @Schema(example = "WECHAT_PAY") String channel, long payments, BigDecimal amount) {
    }

    @Schema(name = "PaymentChannelChart")
    public record PaymentChannelChart(OffsetDateTime refreshedAt, List<PaymentChannelMonth> rows)
            implements Chart<PaymentChannelMonth> {
        @Override
        @JsonIgnore
        public Class<PaymentChannelMonth> rowType() {
            return PaymentChannelMonth.class;
        }
    }

    @Schema(name = "OutageCause", description = "Outages of one cause: how many, customers affected, customer-minutes lost")
    public record OutageCause(String cause, long outages, long customersAffected, long customerMinutes) {
    }

    @Schema(name = "OutageChart")
    public record OutageChart(OffsetDateTime refreshedAt, List<OutageCause> rows) implements Chart<OutageCause> {
        @Override
        @JsonIgnore
        public Class<OutageCause> rowType() {
            return OutageCause.class;
        }
    }

    @Schema(name = "EscalationDay", description = "Escalations opened on one day: first response within the SLA, "
            + "resolved, residents' ratings")
    public record EscalationDay(LocalDate day, long escalations, long answeredInTime, double slaCompliance,
            long resolved, long rated, @Schema(description = "Absent when none was rated") Double averageRating) {
    }

    @Schema(name = "EscalationChart")
    public record EscalationChart(OffsetDateTime refreshedAt, List<EscalationDay> rows) implements Chart<EscalationDay> {
        @Override
        @JsonIgnore
        public Class<EscalationDay> rowType() {
            return EscalationDay.class;
        }
    }
}
