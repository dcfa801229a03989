package com.gridcare.repair;

import java.util.EnumSet;
import java.util.Set;

/**
 * A repair ticket's life: received → dispatched → on site → restored → closed. A report covered by a known outage is
 * LINKED to it instead of getting a crew of its own (as is a report still waiting for a crew when an outage found
 * afterwards covers it: the reports that made detection suspect one), and is closed when the outage is restored; it goes back to
 * RECEIVED when the outage turns out not to be one (a suspected outage dismissed), to be dispatched on its own. A
 * ticket may be closed early (no fault found, reporter withdrew) before a crew is on site, never after without
 * restoring.
 */
public enum RepairStatus {
    RECEIVED, DISPATCHED, ON_SITE, RESTORED, CLOSED, LINKED;

    public static final Set<RepairStatus> OPEN = EnumSet.of(RECEIVED, DISPATCHED, ON_SITE, LINKED);

    public boolean canMoveTo(RepairStatus next) {
        return switch (this) {
            case RECEIVED -> next == DISPATCHED || next == CLOSED;
            case DISPATCHED -> next == ON_SITE || next == CLOSED;
            case ON_SITE -> next == RESTORED;
            case LINKED -> next == RESTORED || next == CLOSED || next == RECEIVED;
            case RESTORED -> next == CLOSED;
            case CLOSED -> false;
        };
    }
}
