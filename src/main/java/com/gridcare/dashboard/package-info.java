/**
 * The operations dashboard: rollups of the utility's consumption, billing and collection, payment channels, arrears,
 * outages and escalations, computed by PostgreSQL into rollup tables this package owns (V21: their source views read
 * billing's, risk's, outage's and escalation's tables, the Java reads only the rollups), rebuilt on a schedule and on
 * demand; the chart data endpoints over them (JSON and CSV), scoped like the staff member. Uses {@code common} and
 * {@code staff}.
 */
package com.gridcare.dashboard;
