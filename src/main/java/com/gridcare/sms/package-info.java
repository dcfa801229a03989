/**
 * The SMS channel: the provider client ({@code SmsSender}, HTTP to the configured provider) and its outbox adapter.
 * Owns no table. Uses {@code notify} (the adapter interface) and {@code common}.
 */
package com.gridcare.sms;
