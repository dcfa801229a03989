package com.gridcare.reminder;

import java.util.EnumSet;
import java.util.Set;

/**
 * A customer as the recommender sees them when one of their bills needs a decision: who they are (the features its
 * models read), where they can be reached and what they asked for. {@code riskProbability} is the risk model's chance
 * of paying late, null before the account was scored; {@code override} is the channel the resident chose for the topic.
 */
public record Customer(long customerId, String accountNo, boolean highVoltage, boolean prepaid, PaymentHabit habit,
        double tenureYears, Double riskProbability, Set<ContactOption> reachable, ContactOption override) {

    public Customer {
        reachable = reachable.isEmpty() ? EnumSet.noneOf(ContactOption.class) : EnumSet.copyOf(reachable);
    }

    /** The channels the recommender may choose: the resident's own choice alone when they made one and it reaches. */
    Set<ContactOption> allowed() {
        return override != null && reachable.contains(override) ? EnumSet.of(override) : reachable;
    }
}
