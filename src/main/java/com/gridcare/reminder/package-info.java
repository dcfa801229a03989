/**
 * Bill reminders that pay for themselves: the channel recommender (Thompson sampling over per-customer Beta posteriors
 * shrunk toward online segment models), the planner that decides per bill and step who is contacted, how and when,
 * and writes the outbox, the settlement that learns from each bill's outcome, the staff views of a customer's profile
 * and of campaign results, and {@code channel-eval}. Owns {@code reminder}, {@code reminder_no_contact},
 * {@code channel_evidence} and {@code channel_response_model}. Uses {@code notify} (the outbox, channel costs),
 * {@code risk} (scores), {@code staff} (roles) and {@code common}.
 */
package com.gridcare.reminder;
