package com.gridcare.console;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import com.gridcare.outage.OutageDraft;
import com.gridcare.outage.OutageKind;
import com.gridcare.outage.ScopeRequest;

/**
 * The console's form for a new outage, as typed: codes separated by spaces or commas, times as the browser's
 * {@code datetime-local} values in the utility's time zone. A refused form comes back with {@code problem} and the
 * {@code field} it is about; a preview with the customers the scope covers.
 */
public record OutageForm(String kind, String feeders, String transformerAreas, String startsAt,
        String estimatedRestoreAt, String cause, String description, String crewContact, String problem, String field,
        Long affectedCustomers) {

    /** Thrown while reading the form: which field could not be read. */
    static final class Unreadable extends RuntimeException {

        final String field;

        Unreadable(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }

    static OutageForm blank() {
        return new OutageForm("UNPLANNED", "", "", "", "", "", "", "", null, null, null);
    }

    OutageForm refused(String slug, String at) {
        return new OutageForm(kind, feeders, transformerAreas, startsAt, estimatedRestoreAt, cause, description,
                crewContact, slug, at, null);
    }

    OutageForm previewed(long customers) {
        return new OutageForm(kind, feeders, transformerAreas, startsAt, estimatedRestoreAt, cause, description,
                crewContact, null, null, customers);
    }

    ScopeRequest scope() {
        return new ScopeRequest(codes(feeders), codes(transformerAreas));
    }

    OutageDraft draft(ZoneId zone) {
        OutageKind parsedKind = Arrays.stream(OutageKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElseThrow(() -> new Unreadable("kind"));
        return new OutageDraft(parsedKind, codes(feeders), codes(transformerAreas), time(startsAt, zone, "startsAt"),
                time(estimatedRestoreAt, zone, "estimatedRestoreAt"), blankToNull(cause), description,
                blankToNull(crewContact));
    }

    static List<String> codes(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.strip().split("[\\s,，]+")).toList();
    }

    /** A {@code datetime-local} value in the utility's zone; blank is none. */
    static OffsetDateTime time(String text, ZoneId zone, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new Unreadable(field);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
