/**
 * Contacts made by people: agent calls and staff visits become tasks in the queue of the customer's own grid service
 * staff (routed by {@code staff.GridOwners}, as escalations are), which staff close with what came of it. The outbox
 * adapters of {@code AGENT_CALL} and {@code STAFF_VISIT}, the staff API and the service the console's task page uses.
 * Owns {@code field_task}. Uses {@code notify} (adapter interface, contact outcomes), {@code staff} and {@code common}.
 */
package com.gridcare.fieldtask;
