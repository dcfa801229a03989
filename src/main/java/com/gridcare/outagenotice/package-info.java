/**
 * Proactive outage notices: on every change to an outage ({@code outage.OutageChanged}) and on a schedule, each affected
 * customer who has not refused the topic hears once per notice, through their channel: planned outages ahead and the
 * day before, unplanned ones "we know, back at …", a new estimate when it moved enough, power restored (per
 * transformer area when it comes back in stages), a cancellation to those told. Owns {@code outage_notice_round} and
 * {@code outage_notified_customer}; reads the outage, its scope and restorations, the network's customers and how to
 * reach them (bindings, followers, e-mail, preferences) in its batch SQL, as the reminder planner does. Uses
 * {@code outage} (the event), {@code notify} (the outbox, texts, quiet hours) and {@code common}.
 */
package com.gridcare.outagenotice;
