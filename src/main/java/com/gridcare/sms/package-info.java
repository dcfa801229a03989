/**
 * The SMS channel: the provider client ({@code SmsSender}, HTTP to the configured provider), its outbox adapter and the
 * provider's signed delivery receipts. Owns no table. Uses {@code notify} (the adapter interface, the receipts) and
 * {@code common}.
 */
package com.gridcare.sms;
