package com.gridcare.importer;

import java.time.Duration;

/**
 * What became of one loaded export file. {@code detail} adds what a kind of file changes besides its own rows
 * (meters created, bills settled), or is empty.
 */
public record FileSummary(String file, boolean alreadyImported, String encoding, long rowsRead, long rowsInserted,
        String detail, Duration time) {

    static FileSummary skipped(String file) {
        return new FileSummary(file, true, "", 0, 0, "", Duration.ZERO);
    }

    /** Rows whose natural key was in the database before (an earlier, different export of the same data). */
    public long rowsAlreadyPresent() {
        return rowsRead - rowsInserted;
    }
}
