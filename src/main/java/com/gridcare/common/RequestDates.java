package com.gridcare.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Dates and months from query and path parameters: malformed ones are the client's error (400), not ours. */
public final class RequestDates {

    private RequestDates() {
    }

    public static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidRequestException(name + " must be a date yyyy-MM-dd");
        }
    }

    public static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidRequestException(name + " must be a month yyyy-MM");
        }
    }
}
