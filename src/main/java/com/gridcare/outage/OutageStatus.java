package com.gridcare.outage;

/**
 * Where an outage is in its life. Staff create DRAFTs and publish them; detection opens SUSPECTED ones that staff
 * confirm (PUBLISHED) or dismiss; a published outage is RESTORED (at once, or area by area) and then CLOSED, or
 * CANCELLED. Residents see PUBLISHED ones only.
 */
public enum OutageStatus {
    SUSPECTED, DRAFT, PUBLISHED, RESTORED, CANCELLED, CLOSED, DISMISSED;

    /** Scope, window, cause and description may still change. */
    boolean editable() {
        return this == SUSPECTED || this == DRAFT || this == PUBLISHED;
    }
}
