package com.gridcare.billing;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Billing's link to the payment channels. */
@ConfigMapping(prefix = "gridcare.billing")
public interface BillingConfig {

    /**
     * The secret shared with the payment provider (GRIDCARE_BILLING_PAYMENT_CALLBACK_SECRET): each payment callback
     * carries the body's HMAC-SHA256 with it. Without it every callback is refused (403); production requires it.
     */
    Optional<String> paymentCallbackSecret();
}
