/**
 * Fee-recovery risk: the probability that an account's next bill is paid late or not at all, from its payment
 * history, by a Tribuo logistic regression trained on a schedule and on demand, stored with its version and test
 * metrics; tiers for the reminder policy (HV customers with large bills also by the amount at risk); {@code risk-eval}.
 * Owns {@code risk_model} and {@code risk_score}. Uses {@code billing} (the payment histories), {@code staff} (roles)
 * and {@code common}.
 */
package com.gridcare.risk;
