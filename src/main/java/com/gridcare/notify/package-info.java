/**
 * Shared notification infrastructure: the transactional outbox, its dispatcher, the {@code ChannelAdapter} interface
 * that each channel implements in its own package ({@code wechat}, {@code sms}, {@code email}, {@code voice},
 * {@code fieldtask}), the contact outcomes the channels observe ({@code ContactOutcomes}, and providers' delivery
 * receipts through {@code DeliveryReceipts}), the channels' costs,
 * contact preferences and e-mail, and the app inbox. Owns {@code outbox_message}, {@code contact_preference},
 * {@code contact_email}, {@code contact_outcome} and {@code contact_channel}. Uses {@code identity} and {@code common}
 * only: a channel depends on notify, never the other way.
 */
package com.gridcare.notify;
