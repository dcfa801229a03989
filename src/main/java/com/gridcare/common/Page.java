package com.gridcare.common;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list: the items and, when more follow, an opaque cursor for the next page. A cursor
 * is the position of the last item (e.g. its period, or its time and id) in base64url; clients must not build one.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 12;
    public static final int MAX_LIMIT = 50;

    /** The page size asked for, or the default; outside 1..50 is refused. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in order: the extra row only says that another page
     * exists, and the cursor is the position of the last row shown.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String[]> position) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, encodeCursor(position.apply(items.get(limit - 1))));
    }

    public static String encodeCursor(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor made by {@link #encodeCursor}; anything else is refused. */
    public static String[] decodeCursor(String cursor, int parts) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid cursor");
        }
        String[] decoded = text.split("\\|", -1);
        if (decoded.length != parts) {
            throw new InvalidRequestException("invalid cursor");
        }
        return decoded;
    }

    /** The position of an item in a list ordered by a time and then an id, the commonest keyset here. */
    public record TimeAndId(OffsetDateTime time, long id) {

        /** Before every item of a newest-first list. */
        public static final TimeAndId NEWEST = new TimeAndId(OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC),
                Long.MAX_VALUE);
        /** Before every item of an oldest-first list. */
        public static final TimeAndId OLDEST = new TimeAndId(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), 0);

        public String[] parts() {
            return new String[] { time.toString(), String.valueOf(id) };
        }
    }

    /** Where a cursor made from {@link TimeAndId#parts()} points, or {@code start} when there is none. */
    public static TimeAndId timeAndId(String cursor, TimeAndId start) {
        if (cursor == null) {
            return start;
        }
        String[] position = decodeCursor(cursor, 2);
        try {
            return new TimeAndId(OffsetDateTime.parse(position[0]), Long.parseLong(position[1]));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidRequestException("invalid cursor");
        }
    }
}
