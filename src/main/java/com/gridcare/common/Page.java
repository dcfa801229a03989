package com.gridcare.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

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
    public static <T> Page<T> of(List<T> fetched, int limit, java.util.function.Function<T, String[]> position) {
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
}
