/**
 * The contact channels as staff manage them: every staff member reads what a contact costs on each, an administrator
 * changes a cost or switches a channel off, audited. Owns no table: {@code contact_channel} is {@code notify}'s, asked
 * through {@code notify.ContactChannels}. Uses {@code notify}, {@code staff} and {@code common}.
 */
package com.gridcare.channel;
