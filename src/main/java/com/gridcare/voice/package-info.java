/**
 * The automated voice call channel: its outbox adapter calling the provider over HTTP (configured by base URL, an
 * idempotency key per outbox message) and the signed callback by which the provider reports each call's result. Owns
 * {@code voice_call}. Uses {@code notify} (the adapter interface, contact outcomes) and {@code common}.
 */
package com.gridcare.voice;
