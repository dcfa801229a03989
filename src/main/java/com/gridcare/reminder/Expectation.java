package com.gridcare.reminder;

/**
 * What the recommender expected of one channel for one reminder: the uplift (the chance the contact makes the bill be
 * paid on time when it otherwise would not be), as its posterior mean and as drawn for this decision, the contact's
 * cost and the net value it decided by (drawn uplift × value of paying on time − cost).
 */
public record Expectation(ContactOption channel, double upliftMean, double upliftDrawn, double cost, double netValue) {
}
