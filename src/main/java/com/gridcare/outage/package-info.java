/**
 * Outages: published lists, search, near a point, detail, and the outages of a resident's account (cached in Redis).
 * Owns {@code outage} and {@code outage_scope}; reads the network ({@code substation}, {@code feeder},
 * {@code transformer_area}). Uses {@code binding}, {@code identity} and {@code common}.
 */
package com.gridcare.outage;
