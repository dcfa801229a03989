/**
 * Fault reports and repair tickets: de-duplication against known outages, the ticket timeline and its notices, the
 * staff repair workflow, and linked tickets following their outage. Owns {@code repair_ticket} and
 * {@code repair_ticket_event}. Uses {@code notify}, {@code outage}, {@code staff}, {@code binding}, {@code identity}
 * and {@code common}.
 */
package com.gridcare.repair;
