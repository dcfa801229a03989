package com.gridcare.common;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into PostgreSQL with {@code COPY ... FROM STDIN} (text format) through pgjdbc's copy API. Values are
 * appended field by field into a buffer that is sent in large chunks, so formatting in Java and parsing in the
 * PostgreSQL backend run side by side on two cores. Rows made while the connection is busy (reading a cursor) can be
 * held in memory, as their COPY text, and sent later ({@link #held}). Blocking: call it on a worker thread.
 */
public final class CopyRowWriter implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 18;
    private static final byte[] NULL = { '\\', 'N' };
    private static final long[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000, 1_000_000_000 };

    /** Null while the rows are {@link #held}: they go to {@code chunks} then. */
    private final CopyIn copyIn;
    private final List<byte[]> chunks;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private boolean rowStarted;
    private long rows;

    private CopyRowWriter(CopyIn copyIn) {
        this.copyIn = copyIn;
        this.chunks = copyIn == null ? new ArrayList<>() : null;
    }

    /** Starts {@code COPY table (columns) FROM STDIN}; {@code freeze} needs the table truncated in this transaction. */
    public static CopyRowWriter open(Connection connection, String table, String columns, boolean freeze)
            throws SQLException {
        String sql = "COPY " + table + " (" + columns + ") FROM STDIN" + (freeze ? " WITH (FREEZE)" : "");
        return new CopyRowWriter(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /**
     * Rows kept in memory as COPY text (a few hundred bytes a row, in large arrays a collector need not trace) until
     * {@link #copyHeld} sends them: for rows made while a cursor is being read on the same connection.
     */
    public static CopyRowWriter held() {
        return new CopyRowWriter(null);
    }

    /** Sends the rows {@link #held} so far with {@code COPY table (columns) FROM STDIN}; returns the rows taken. */
    public long copyHeld(Connection connection, String table, String columns) throws SQLException {
        flush();
        try (CopyRowWriter copy = open(connection, table, columns, false)) {
            for (byte[] chunk : chunks) {
                copy.copyIn.writeToCopy(chunk, 0, chunk.length);
            }
            chunks.clear();
            return copy.copyIn.endCopy();
        }
    }

    public long rows() {
        return rows;
    }

    public CopyRowWriter text(String value) throws SQLException {
        separator();
        if (value == null) {
            put(NULL);
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> put2('\\', '\\');
                    case '\t' -> put2('\\', 't');
                    case '\n' -> put2('\\', 'n');
                    case '\r' -> put2('\\', 'r');
                    default -> put1((byte) c);
                }
            } else {
                int end = i + 1;
                while (end < value.length() && value.charAt(end) >= 0x80) {
                    end++;
                }
                put(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return this;
    }

    public CopyRowWriter number(long value) throws SQLException {
        separator();
        putLong(value);
        return this;
    }

    /** A numeric with two decimals from its value in hundredths (fen, centi-kWh). */
    public CopyRowWriter hundredths(long value) throws SQLException {
        separator();
        if (value < 0) {
            put1((byte) '-');
            value = -value;
        }
        putLong(value / 100);
        long cents = value % 100;
        put2('.', (char) ('0' + cents / 10));
        put1((byte) ('0' + cents % 10));
        return this;
    }

    /**
     * A real number in fixed point, rounded to {@code scale} decimals (at most 9), trailing zeros dropped: cheaper than
     * {@code Double.toString}, whose search for the shortest exact form dominated writing millions of doubles.
     */
    public CopyRowWriter fixed(double value, int scale) throws SQLException {
        separator();
        putFixed(value, scale);
        return this;
    }

    /** An array of real numbers ({@code {1,0,-0.25}}), each as {@link #fixed}. */
    public CopyRowWriter fixedArray(double[] values, int scale) throws SQLException {
        separator();
        put1((byte) '{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put1((byte) ',');
            }
            putFixed(values[i], scale);
        }
        put1((byte) '}');
        return this;
    }

    public CopyRowWriter date(LocalDate value) throws SQLException {
        separator();
        if (value == null) {
            put(NULL);
            return this;
        }
        putPadded(value.getYear(), 4);
        put1((byte) '-');
        putPadded(value.getMonthValue(), 2);
        put1((byte) '-');
        putPadded(value.getDayOfMonth(), 2);
        return this;
    }

    /** A timestamptz given as a local date, second of day and a whole-hour UTC offset (e.g. +8). */
    public CopyRowWriter timestamp(LocalDate day, int secondOfDay, int offsetHours) throws SQLException {
        date(day);
        put1((byte) ' ');
        putPadded(secondOfDay / 3600, 2);
        put1((byte) ':');
        putPadded(secondOfDay / 60 % 60, 2);
        put1((byte) ':');
        putPadded(secondOfDay % 60, 2);
        put1((byte) (offsetHours < 0 ? '-' : '+'));
        putPadded(Math.abs(offsetHours), 2);
        return this;
    }

    public CopyRowWriter bool(boolean value) throws SQLException {
        separator();
        put1((byte) (value ? 't' : 'f'));
        return this;
    }

    public CopyRowWriter nullValue() throws SQLException {
        separator();
        put(NULL);
        return this;
    }

    public void endRow() throws SQLException {
        put1((byte) '\n');
        rowStarted = false;
        rows++;
    }

    /** Sends what is buffered and ends the COPY; returns the rows PostgreSQL took. */
    public long finish() throws SQLException {
        if (copyIn == null) {
            throw new IllegalStateException("rows held in memory are sent with copyHeld");
        }
        flush();
        return copyIn.endCopy();
    }

    /** Abandons an unfinished COPY (after an error), so the connection can roll back. */
    @Override
    public void close() throws SQLException {
        if (copyIn != null && copyIn.isActive()) {
            copyIn.cancelCopy();
        }
    }

    private void separator() throws SQLException {
        if (rowStarted) {
            put1((byte) '\t');
        }
        rowStarted = true;
    }

    private void putLong(long value) throws SQLException {
        if (value < 0) {
            put1((byte) '-');
            value = -value;
        }
        if (value < 10) {
            put1((byte) ('0' + value));
            return;
        }
        int digits = (int) Math.log10(value) + 1;
        ensure(digits);
        for (int i = position + digits - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += digits;
    }

    private void putFixed(double value, int scale) throws SQLException {
        long unit = POWERS_OF_TEN[scale];
        if (!Double.isFinite(value) || Math.abs(value) >= (double) Long.MAX_VALUE / unit) {
            put(Double.toString(value).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        long scaled = Math.round(value * unit);
        if (scaled < 0) {
            put1((byte) '-');
            scaled = -scaled;
        }
        putLong(scaled / unit);
        long fraction = scaled % unit;
        if (fraction == 0) {
            return;
        }
        int digits = scale;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        put1((byte) '.');
        putPadded(fraction, digits);
    }

    private void putPadded(long value, int width) throws SQLException {
        ensure(width);
        for (int i = position + width - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += width;
    }

    private void put1(byte b) throws SQLException {
        ensure(1);
        buffer[position++] = b;
    }

    private void put2(char a, char b) throws SQLException {
        ensure(2);
        buffer[position++] = (byte) a;
        buffer[position++] = (byte) b;
    }

    private void put(byte[] bytes) throws SQLException {
        if (bytes.length > buffer.length) {
            flush();
            if (copyIn == null) {
                chunks.add(bytes.clone());
            } else {
                copyIn.writeToCopy(bytes, 0, bytes.length);
            }
            return;
        }
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    private void ensure(int bytes) throws SQLException {
        if (position + bytes > buffer.length) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (position == 0) {
            return;
        }
        if (copyIn == null) {
            chunks.add(Arrays.copyOf(buffer, position));
        } else {
            copyIn.writeToCopy(buffer, 0, position);
        }
        position = 0;
    }
}
