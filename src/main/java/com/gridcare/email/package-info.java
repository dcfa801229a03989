/**
 * The e-mail channel: its outbox adapter over quarkus-mailer (SMTP configured by {@code quarkus.mailer.*}; a mock
 * mailbox in dev and tests). The address is the resident's contact e-mail, kept by {@code notify}. Owns no table.
 * Uses {@code notify} (the adapter interface).
 */
package com.gridcare.email;
