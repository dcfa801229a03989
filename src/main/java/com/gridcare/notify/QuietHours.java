package com.gridcare.notify;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/** A daily window in the resident's (the utility's) local time during which nothing is sent; it may span midnight. */
public record QuietHours(LocalTime from, LocalTime until) {

    /** When a message due at {@code now} may go out: {@code now} outside the window, else the window's end. */
    public ZonedDateTime release(ZonedDateTime now) {
        LocalTime time = now.toLocalTime();
        boolean overnight = from.isAfter(until);
        boolean quiet = overnight ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = now.with(until).withSecond(0).withNano(0);
        return overnight && !time.isBefore(from) ? end.plusDays(1) : end;
    }
}
