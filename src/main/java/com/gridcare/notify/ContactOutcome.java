package com.gridcare.notify;

/**
 * What came of one contact, as far as its channel can tell ({@code contact_outcome.outcome}); the channel recommender
 * learns from these, so each is recorded only when it was observed.
 */
public enum ContactOutcome {
    /**
     * The provider reported the message arrived (an SMS receipt, WeChat's send-job event for a template message) or,
     * where no report comes, took it (e-mail, WeChat kefu); whether the resident read it is not known.
     */
    DELIVERED,
    FAILED,
    /** The resident opened the inbox that lists the message. */
    READ,
    /** Voice call results, as the provider reports them. */
    ANSWERED, NO_ANSWER, BUSY,
    /** What grid service staff recorded on an agent call or a visit. */
    REACHED, PROMISED_TO_PAY, PAID, NOT_REACHED, REFUSED
}
