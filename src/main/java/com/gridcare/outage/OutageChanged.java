package com.gridcare.outage;

/**
 * Fired (CDI, asynchronously) after a change to an outage has committed, for the features that follow outages: the
 * notices to affected customers, the repair tickets linked to the outage. An observer reads the outage's rows as they
 * are when it runs ({@code version} is the one the change produced), so a late or repeated event is harmless.
 */
public record OutageChanged(long outageId, long version, Change change) {

    public enum Change {
        /** Detection opened it from fault reports; staff have not looked yet. */
        SUSPECTED,
        /** Published for residents (a draft published, a suspected outage confirmed, or published again after an edit). */
        PUBLISHED,
        /** Window, scope, cause or description changed while published. */
        EDITED,
        /** The estimated restoration of a current outage moved. */
        ESTIMATE_MOVED,
        /** Some transformer areas have power back; others not yet. */
        PARTLY_RESTORED,
        RESTORED,
        CANCELLED,
        DISMISSED,
        CLOSED
    }
}
