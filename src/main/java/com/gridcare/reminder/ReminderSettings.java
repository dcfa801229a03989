package com.gridcare.reminder;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * {@link ReminderConfig} as the recommender and the budgets use it; made at start so that a budget for a channel that
 * does not exist stops the service, naming the key.
 */
@Startup
@ApplicationScoped
class ReminderSettings {

    private final ReminderConfig config;
    private final Map<ContactOption, Integer> budgets = new EnumMap<>(ContactOption.class);

    ReminderSettings(ReminderConfig config) {
        this.config = config;
        config.dailyBudget().forEach((code, budget) -> budgets.put(ContactOption.of(code).orElseThrow(
                () -> new IllegalArgumentException("gridcare.reminders.daily-budget." + code
                        + ": no such contact channel (one of " + ContactOption.ALL + ")")), budget));
    }

    ReminderConfig config() {
        return config;
    }

    Map<ContactOption, Integer> budgets() {
        return budgets;
    }

    ChannelRecommender.Settings recommender() {
        return new ChannelRecommender.Settings(config.conversionPriorWeight(), config.onTimePriorWeight(),
                config.explorationCostLimit());
    }
}
