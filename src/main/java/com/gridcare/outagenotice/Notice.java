package com.gridcare.outagenotice;

/** What an outage's customers are told ({@code outage_notice_round.notice}). */
enum Notice {
    /** A planned outage, some days before it starts. */
    AHEAD(true, "AHEAD", false),
    /** A planned outage, the day before, to those announced to earlier. */
    DAY_BEFORE(true, "DAY_BEFORE", false),
    /** A planned outage's window moved after it was announced: a round of its own per move. */
    RESCHEDULED(false, "RESCHEDULED", true),
    /** An unplanned outage: we know, power back at the estimate. */
    KNOWN(true, "KNOWN", false),
    /** An unplanned outage's estimate moved: a round of its own per move. */
    ESTIMATE(false, "ESTIMATE", true),
    /** Power back in one transformer area of an outage restored in stages: the same message as RESTORED. */
    AREA_RESTORED(false, "RESTORED", false),
    RESTORED(false, "RESTORED", false),
    CANCELLED(false, "CANCELLED", false);

    /** Whether it goes to every affected customer (and makes them "told"), or only to those told before. */
    final boolean announces;
    /** The text in {@code messages/notices.properties} and the idempotency key's part: one per customer and outage. */
    final String message;
    /** Told again on each move: the round's number is part of the idempotency key. */
    final boolean perMove;

    Notice(boolean announces, String message, boolean perMove) {
        this.announces = announces;
        this.message = message;
        this.perMove = perMove;
    }

    /** Tells a planned outage's window: its round records the window told. */
    boolean tellsWindow() {
        return this == AHEAD || this == DAY_BEFORE || this == RESCHEDULED;
    }
}
