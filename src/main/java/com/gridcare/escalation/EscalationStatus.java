package com.gridcare.escalation;

import com.gridcare.common.ProblemException;

/**
 * new → claimed → replied → resolved, and back to the queue as reopened when the resident rates the answer low.
 * Which move is allowed also depends on who asks; {@link ResidentEscalations} and {@link StaffEscalations} check
 * both and answer 409 otherwise.
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

    /** The answer to a move that the state, or who asks, does not allow. */
    static ProblemException illegal(String detail) {
        return new ProblemException(409, "illegal-transition", "Conflict", detail);
    }
}
