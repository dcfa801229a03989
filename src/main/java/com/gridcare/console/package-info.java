/**
 * The staff console: Qute pages over the escalation queue and the knowledge base. A transport only: it calls the
 * services of {@code escalation}, {@code faq} and {@code staff} and owns no table.
 */
package com.gridcare.console;
