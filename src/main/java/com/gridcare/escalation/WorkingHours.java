package com.gridcare.escalation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The SLA clock: it runs from {@code start} to {@code end} of every day (the utility's service desk works weekends and
 * holidays too, so there is no calendar to keep) and stands still outside. An escalation opened at 17:25 with 15
 * minutes due is due at 08:40 the next morning; one opened at night, at 08:45.
 */
record WorkingHours(LocalTime start, LocalTime end) {

    WorkingHours {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the working day must start before it ends: " + start + "-" + end);
        }
    }

    /** The moment {@code work} of working time after {@code from}. */
    ZonedDateTime plus(ZonedDateTime from, Duration work) {
        ZonedDateTime at = from;
        Duration left = work;
        while (true) {
            LocalDate day = at.toLocalDate();
            ZonedDateTime opens = day.atTime(start).atZone(at.getZone());
            ZonedDateTime closes = day.atTime(end).atZone(at.getZone());
            if (at.isBefore(opens)) {
                at = opens;
            }
            Duration today = at.isBefore(closes) ? Duration.between(at, closes) : Duration.ZERO;
            if (left.compareTo(today) <= 0 && !today.isZero()) {
                return at.plus(left);
            }
            left = left.minus(today);
            at = day.plusDays(1).atTime(start).atZone(at.getZone());
        }
    }
}
