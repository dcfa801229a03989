/**
 * The staff console: Qute pages over the escalation queue and the knowledge base, and the operations dashboard's page
 * (its charts are drawn in the browser from {@code dashboard}'s API). A transport only: it calls the services of
 * {@code escalation}, {@code faq}, {@code dashboard} and {@code staff} and owns no table.
 */
package com.gridcare.console;
