package com.gridcare.importer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import com.gridcare.common.CopyRowWriter;

/**
 * One kind of export file (customers.csv, readings.csv, …): its columns, how a line is checked and staged, which
 * references are checked against the database once the whole file is staged, and how staged rows are loaded.
 */
interface ExportFile {

    String fileName();

    /** Recorded in {@code import_file.kind}. */
    String kind();

    /** The exact header line, in order. */
    List<String> columns();

    String stagingTable();

    /** Column definitions of the temporary staging table; the first two are {@code line int, valid boolean}. */
    String stagingDefinition();

    /** Staging columns in the order {@link #stage} writes them. */
    String stagingColumns();

    /**
     * Checks one line's fields and writes them as a staging row after its line number and validity. A line with
     * problems is staged too, with null for what could not be read, so that other files' references to its keys are
     * not reported as unknown as well.
     */
    void stage(RecordFields fields, CopyRowWriter row) throws SQLException;

    /**
     * Set-based checks run once every present file is staged. Each query returns {@code (line, reason)} for the
     * offending lines: unknown references, duplicate keys within the file.
     */
    List<String> referenceChecks();

    /** Inserts the staged rows (all valid by then) that are not yet in the database, by natural key. */
    Loaded load(Connection connection) throws SQLException;

    static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** Rows inserted, and a note on what else the load changed (or empty). */
    record Loaded(long rowsInserted, String detail) {
    }
}
