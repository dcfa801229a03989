/**
 * Tariffs and bills: the bill and late-fee rules, a resident's bills, arrears and payments. Owns {@code tariff_plan},
 * {@code tariff_tier}, {@code bill}, {@code payment} and {@code payment_channel}. Uses {@code binding} (which accounts
 * the caller may read), {@code identity} and {@code common}.
 */
package com.gridcare.billing;
