/**
 * Tariffs and bills: the bill and late-fee rules, a resident's bills, arrears and payments, payments applied to bills
 * ({@link com.gridcare.billing.Payments}: the importer's and the payment provider's signed callback), and the payment
 * histories of the whole book for models ({@link com.gridcare.billing.PaymentHistories}, with the billing attributes of each
 * customer). Owns {@code tariff_plan}, {@code tariff_tier}, {@code bill}, {@code payment} and
 * {@code payment_channel}. Uses {@code binding} (which accounts the caller may read), {@code identity} and
 * {@code common}.
 */
package com.gridcare.billing;
