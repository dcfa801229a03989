/**
 * Consumption of an account: monthly and daily readings, the tier position and the bill estimate. Reads
 * {@code monthly_reading}, {@code daily_reading} and {@code meter}; uses {@code billing} for tariffs, {@code binding}
 * and {@code identity}.
 */
package com.gridcare.consumption;
