package com.gridcare.outage;

/** Planned work announced ahead (a window), or an unplanned outage (an estimated restoration, updated over time). */
public enum OutageKind {
    PLANNED, UNPLANNED
}
