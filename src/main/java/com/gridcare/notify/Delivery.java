package com.gridcare.notify;

/**
 * What came of handing a message to a channel. {@code reason} goes into the outbox row as its last error: a few words
 * naming the channel and the cause ("wechat: out of window"), never a recipient or the message itself.
 * {@code templateMsgid}: WeChat's id for a template message it took, kept so that its send-job event finds the message.
 */
public record Delivery(Result result, String reason, Long templateMsgid) {

    public enum Result {
        SENT,
        /**
         * Taken, but what came of it is known only later: a provider's delivery receipt (SMS, WeChat templates), the
         * resident opens the inbox, the voice provider calls back, staff close the task. Nothing is recorded for the
         * learner until then.
         */
        AWAITING_OUTCOME,
        /** The channel cannot reach the resident now (window closed, unfollowed, no template): use the app instead. */
        CHANNEL_UNAVAILABLE,
        /** Not sent, and nothing arrived: the same attempt may succeed later. */
        RETRYABLE,
        /** The channel refused the message for good. */
        PERMANENT
    }

    public static Delivery sent() {
        return new Delivery(Result.SENT, null, null);
    }

    public static Delivery awaitingOutcome() {
        return new Delivery(Result.AWAITING_OUTCOME, null, null);
    }

    /** A template message WeChat took with {@code msgid}: its send-job event says whether it arrived. */
    public static Delivery awaitingTemplateReceipt(long msgid) {
        return new Delivery(Result.AWAITING_OUTCOME, null, msgid);
    }

    public static Delivery unavailable(String reason) {
        return new Delivery(Result.CHANNEL_UNAVAILABLE, reason, null);
    }

    public static Delivery retryable(String reason) {
        return new Delivery(Result.RETRYABLE, reason, null);
    }

    public static Delivery permanent(String reason) {
        return new Delivery(Result.PERMANENT, reason, null);
    }
}
