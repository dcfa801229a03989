package com.gridcare.reminder;

import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bill reminders: what paying on time is worth, when the planner runs and contacts, and how the recommender weighs a
 * customer's own evidence against their segment. Checked at start: a negative or non-numeric value stops the service
 * with the key's name.
 */
@ConfigMapping(prefix = "gridcare.reminders")
public interface ReminderConfig {

    /**
     * The value of a bill paid on time, as a share of its amount: the financing cost of late money plus what chasing it
     * later costs. It decides which contacts pay for themselves.
     */
    @WithDefault("0.05")
    @Positive
    double valueRate();

    /** When the planner runs (Quarkus cron; {@code off} for never): every morning before the first sends. */
    @WithDefault("0 0 8 * * ?")
    String schedule();

    /** The due-soon reminder goes this many days before the due date (every risk tier). */
    @WithDefault("3")
    @Min(0)
    int dueSoonDays();

    /** High-risk accounts get an early reminder this many days before the due date as well. */
    @WithDefault("7")
    @Min(1)
    int earlyDays();

    /** Medium- and high-risk accounts get an overdue reminder this many days after the due date. */
    @WithDefault("3")
    @Min(1)
    int overdueDays();

    /**
     * A bill still open this many days after its due date gets a visit of the customer's own grid service staff before
     * any disconnection notice.
     */
    @WithDefault("45")
    @Min(1)
    int arrearsDays();

    /** At most this many reminders per customer in any 7 days, over all their accounts and steps. */
    @WithDefault("2")
    @Min(1)
    int weeklyContacts();

    /** Contacts per channel and day ({@code contact_channel.code} → count); a channel not named is unlimited. */
    Map<String, @PositiveOrZero Integer> dailyBudget();

    /** How many bills of their own a customer's evidence must hold to weigh as much as their segment's conversion. */
    @WithDefault("12")
    @Positive
    double conversionPriorWeight();

    /** The same for paying on time uncontacted, where the risk score makes the segment's estimate a good one. */
    @WithDefault("8")
    @Positive
    double onTimePriorWeight();

    /**
     * Channels costing more than this (CNY) are never chosen to explore (Thompson draws), only on their expected value.
     */
    @WithDefault("1.0")
    @PositiveOrZero
    double explorationCostLimit();
}
