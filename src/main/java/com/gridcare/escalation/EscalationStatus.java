package com.gridcare.escalation;

/**
 * new → claimed → replied → resolved, and back to the queue as reopened when the resident rates the answer low.
 * Which move is allowed also depends on who asks; {@link EscalationService} checks both and answers 409 otherwise.
 */
public enum EscalationStatus {
    NEW, CLAIMED, REPLIED, RESOLVED, REOPENED;

    /** Waiting in a queue for someone to claim it. */
    boolean claimable() {
        return this == NEW || this == REOPENED;
    }

    /** An answer exists that the resident can rate. */
    boolean rateable() {
        return this == REPLIED || this == RESOLVED;
    }
}
