package com.gridcare.importer;

import java.util.List;

/**
 * One record of a CSV file: the line it starts on, its fields as written, and what is wrong with its quoting if
 * anything (then {@code fields} is empty).
 */
record CsvRecord(int line, List<String> fields, String problem) {

    static CsvRecord malformed(int line, String problem) {
        return new CsvRecord(line, List.of(), problem);
    }
}
