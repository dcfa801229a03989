package com.gridcare.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The fields of one CSV record by column name, converted to values. What cannot be converted is noted as a problem
 * ("column: reason") rather than thrown, so one pass reports everything wrong with a line. A value quoted in a
 * problem passes through a {@code shown} function, so personal data can be masked or withheld.
 */
final class RecordFields {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("\\d+");
    private static final int QUOTED_LENGTH = 40;

    private final int line;
    private final List<String> columns;
    private final List<String> values;
    private final List<String> problems = new ArrayList<>();

    RecordFields(CsvRecord record, List<String> columns) {
        this.line = record.line();
        this.columns = columns;
        this.values = record.fields();
    }

    int line() {
        return line;
    }

    boolean valid() {
        return problems.isEmpty();
    }

    List<String> problems() {
        return problems;
    }

    void problem(String reason) {
        problems.add(reason);
    }

    /** The value with surrounding spaces removed, or null when blank. */
    String raw(String column) {
        String value = values.get(columns.indexOf(column)).strip();
        return value.isEmpty() ? null : value;
    }

    String text(String column, int maxLength) {
        return text(column, maxLength, RecordFields::quoted);
    }

    /** A required text of at most {@code maxLength} characters, the column's varchar size. */
    String text(String column, int maxLength, UnaryOperator<String> shown) {
        String value = raw(column);
        if (value == null) {
            problems.add(column + ": missing");
            return null;
        }
        return fitting(column, value, maxLength, shown);
    }

    String optionalText(String column, int maxLength) {
        return optionalText(column, maxLength, RecordFields::quoted);
    }

    String optionalText(String column, int maxLength, UnaryOperator<String> shown) {
        String value = raw(column);
        return value == null ? null : fitting(column, value, maxLength, shown);
    }

    String oneOf(String column, List<String> allowed) {
        String value = text(column, Integer.MAX_VALUE);
        if (value != null && !allowed.contains(value)) {
            problems.add(column + ": unknown value " + quoted(value) + ", allowed: " + String.join(", ", allowed));
        }
        return value;
    }

    LocalDate date(String column) {
        String value = text(column, Integer.MAX_VALUE);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(column + ": bad date " + quoted(value) + ", expected YYYY-MM-DD");
            return null;
        }
    }

    /** A billing month, YYYY-MM, as its first day. */
    LocalDate month(String column) {
        if (raw(column) == null) {
            problems.add(column + ": missing");
            return null;
        }
        return optionalMonth(column);
    }

    LocalDate optionalMonth(String column) {
        String value = raw(column);
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value).atDay(1);
        } catch (DateTimeParseException e) {
            problems.add(column + ": bad month " + quoted(value) + ", expected YYYY-MM");
            return null;
        }
    }

    /** A date and time; without an offset it is a local time of the utility's zone. */
    OffsetDateTime dateTime(String column, ZoneId zone) {
        String value = text(column, Integer.MAX_VALUE);
        if (value == null) {
            return null;
        }
        String iso = value.replaceFirst(" ", "T");
        try {
            return OffsetDateTime.parse(iso);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(iso).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                problems.add(column + ": bad date and time " + quoted(value) + ", expected YYYY-MM-DD HH:MM:SS");
                return null;
            }
        }
    }

    /** A required non-negative numeric with at most two decimals and {@code integerDigits} digits before the point. */
    BigDecimal amount(String column, int integerDigits) {
        if (raw(column) == null) {
            problems.add(column + ": missing");
            return null;
        }
        return optionalAmount(column, integerDigits);
    }

    BigDecimal optionalAmount(String column, int integerDigits) {
        String value = raw(column);
        if (value == null) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            problems.add(column + ": not a number: " + quoted(value));
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() < 0) {
            problems.add(column + ": negative amount " + value);
        } else if (amount.scale() > 2) {
            problems.add(column + ": more than 2 decimals: " + value);
        } else if (amount.precision() - amount.scale() > integerDigits) {
            problems.add(column + ": too large, at most " + integerDigits + " digits before the point: " + value);
        }
        return amount;
    }

    Integer optionalPositiveWhole(String column) {
        String value = raw(column);
        if (value == null) {
            return null;
        }
        if (!WHOLE.matcher(value).matches() || value.length() > 9 || Integer.parseInt(value) == 0) {
            problems.add(column + ": not a positive whole number: " + quoted(value));
            return null;
        }
        return Integer.parseInt(value);
    }

    /** For values that must never appear in a report, such as ID-card numbers and addresses. */
    static String withheld(String value) {
        return "(value not shown)";
    }

    static String quoted(String value) {
        return "'" + (value.length() > QUOTED_LENGTH ? value.substring(0, QUOTED_LENGTH) + "…" : value) + "'";
    }

    private String fitting(String column, String value, int maxLength, UnaryOperator<String> shown) {
        if (value.codePointCount(0, value.length()) > maxLength) {
            problems.add(column + ": longer than " + maxLength + " characters: " + shown.apply(value));
        }
        return value;
    }
}
