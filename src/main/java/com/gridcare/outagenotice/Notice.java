package com.gridcare.outagenotice;

/** What an outage's customers are told ({@code outage_notice_round.notice}). */
enum Notice {
    /** A planned outage, some days before it starts. */
    AHEAD(true, "AHEAD"),
    /** A planned outage, the day before, to those announced to earlier. */
    DAY_BEFORE(true, "DAY_BEFORE"),
    /** An unplanned outage: we know, power back at the estimate. */
    KNOWN(true, "KNOWN"),
    /** An unplanned outage's estimate moved: a round of its own per move. */
    ESTIMATE(false, "ESTIMATE"),
    /** Power back in one transformer area of an outage restored in stages: the same message as RESTORED. */
    AREA_RESTORED(false, "RESTORED"),
    RESTORED(false, "RESTORED"),
    CANCELLED(false, "CANCELLED");

    /** Whether it goes to every affected customer (and makes them "told"), or only to those told before. */
    final boolean announces;
    /** The text in {@code messages/notices.properties} and the idempotency key's part: one per customer and outage. */
    final String message;

    Notice(boolean announces, String message) {
        this.announces = announces;
        this.message = message;
    }
}
