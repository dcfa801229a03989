/**
 * Outages: published lists, search, near a point, detail, the outages of a resident's account (cached in Redis), and
 * detection of suspected outages from fault reports. Owns {@code outage}, {@code outage_scope} and
 * {@code outage_signal}; reads the network ({@code substation}, {@code feeder}, {@code transformer_area}). Uses {@code binding}, {@code identity} and {@code common}.
 */
package com.gridcare.outage;
