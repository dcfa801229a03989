/**
 * Outages: published lists, search, near a point, detail, and the outages of a resident's account (cached in Redis);
 * staff management of outages (create, edit, publish, restore area by area, cancel, close, confirm or dismiss a
 * suspected one) with optimistic locking, revisions and the {@link com.gridcare.outage.OutageChanged} event; detection
 * of suspected outages from fault reports. Owns {@code outage}, {@code outage_scope}, {@code outage_area_restoration},
 * {@code outage_revision} and {@code outage_signal}; reads the network ({@code substation}, {@code feeder},
 * {@code transformer_area}, {@code grid_area}) and counts {@code customer} rows on it. Uses {@code staff} (roles,
 * audit), {@code binding}, {@code identity} and {@code common}.
 */
package com.gridcare.outage;
