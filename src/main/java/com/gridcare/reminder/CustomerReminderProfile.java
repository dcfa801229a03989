package com.gridcare.reminder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.gridcare.risk.AccountRisk;

/**
 * A customer as the reminders see them, for staff: their risk, what the recommender learned of them per channel, and
 * every recent reminder with the channel chosen and the expectations that chose it.
 */
public record CustomerReminderProfile(
        String accountNo,
        @Schema(description = "The latest risk score; null before the account was scored")
        AccountRisk risk,
        @Schema(description = "The customer's own evidence per channel (NONE: paying on time uncontacted)")
        List<Learned> learned,
        @Schema(description = "The latest 50 reminders, newest first")
        List<Reminder> reminders) {

    public record Learned(String channel,
            @Schema(description = "Converted (NONE: paid on time), fractional: credit shared with paying anyway")
            double successes,
            double failures, int contacts) {
    }

    /**
     * One channel's expectation for one reminder: the uplift in the chance of paying on time (mean, and as drawn for
     * the decision), the contact's cost and the net value decided by.
     */
    public record Expected(String channel, double upliftMean, double upliftDrawn, double cost, double netValue) {
    }

    public record Reminder(LocalDate period, String step,
            @Schema(description = "The channel chosen; null: no contact was worth its cost, or it was not allowed")
            String channel,
            OffsetDateTime plannedAt, LocalDate dueDate, BigDecimal billAmount, BigDecimal valueOnTime, String riskTier,
            @Schema(description = "Per reachable channel what the recommender expected, best first; of a"
                    + " decision not to contact, the best channel's only")
            List<Expected> expectations,
            @Schema(description = "Payment channel offered inside the reminder")
            String paymentOffer,
            @Schema(description = "The outbox message's status")
            String messageStatus,
            @Schema(description = "PAID_ON_TIME, PAID_LATE or UNPAID once known")
            String outcome) {
    }
}
