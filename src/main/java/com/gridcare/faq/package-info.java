/**
 * The FAQ bot: knowledge base, normaliser, ranker, intents, conversations, the unanswered log and {@code faq-eval}.
 * Owns {@code faq_entry}, {@code faq_entry_history} and {@code faq_unanswered}. Uses {@code escalation} (hand-over to a
 * person), {@code binding}, {@code auth}, {@code staff}, {@code identity} and {@code common}.
 */
package com.gridcare.faq;
