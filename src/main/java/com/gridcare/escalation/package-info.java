/**
 * Escalations from the bot to grid service staff: routing to the customer's own staff member, states, replies,
 * ratings and the SLA job. Owns {@code escalation} and {@code escalation_message}. Uses {@code notify} (replies reach
 * the resident through the outbox), {@code billing}, {@code outage}, {@code binding}, {@code staff}, {@code identity}
 * and {@code common}.
 */
package com.gridcare.escalation;
