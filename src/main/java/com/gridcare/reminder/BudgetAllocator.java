package com.gridcare.reminder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Per-channel daily budgets make decisions interact: a greedy pass over one day's reminders, the best net value first,
 * gives each its best channel still within budget, else its next best worth the cost, else no contact. A channel
 * without a budget is unlimited.
 */
final class BudgetAllocator {

    private final Map<ContactOption, Integer> remaining;

    BudgetAllocator(Map<ContactOption, Integer> dailyBudgets) {
        this.remaining = dailyBudgets.isEmpty() ? new EnumMap<>(ContactOption.class) : new EnumMap<>(dailyBudgets);
    }

    /**
     * One planned reminder: its decision and priority (its best net value) in, the channel it got (null: no contact)
     * out.
     */
    static final class Slot<T> {
        final T item;
        final Decision decision;
        final double priority;
        ContactOption assigned;

        Slot(T item, Decision decision) {
            this(item, decision, decision.expectations().isEmpty() ? 0 : decision.expectations().get(0).netValue());
        }

        Slot(T item, Decision decision, double priority) {
            this.item = item;
            this.decision = decision;
            this.priority = priority;
        }
    }

    /**
     * Assigns the slots' channels; the list keeps its order. Only slots with a channel worth its cost compete: at full
     * scale most decisions are no contact, and sorting them too cost more than the rest of the allocation.
     */
    <T> void allocate(List<Slot<T>> slots) {
        List<Slot<T>> contenders = new ArrayList<>();
        for (Slot<T> slot : slots) {
            if (!slot.decision.worthIt().isEmpty()) {
                contenders.add(slot);
            }
        }
        contenders.sort(Comparator.comparingDouble((Slot<T> slot) -> slot.priority).reversed());
        for (Slot<T> slot : contenders) {
            for (ContactOption option : slot.decision.worthIt()) {
                Integer left = remaining.get(option);
                if (left == null || left > 0) {
                    if (left != null) {
                        remaining.put(option, left - 1);
                    }
                    slot.assigned = option;
                    break;
                }
            }
        }
    }
}
