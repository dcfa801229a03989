package com.gridcare.dashboard;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One chart's data: its rows and when the rollups they come from were last refreshed (absent before the first
 * refresh). Each chart is a record of its own so that the OpenAPI document names its row type; the rows are flat
 * records, which is what the CSV form ({@link ChartCsvWriter}) writes one line each of.
 */
public interface Chart<T extends Record> {

    OffsetDateTime refreshedAt();

    List<T> rows();

    /** The row type, for the CSV header even when there are no rows. */
    Class<T> rowType();
}
