package com.gridcare.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4180 reading, with the line each record starts on. */
class CsvReaderTests {

    @Test
    void shouldReadQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<CsvRecord> records = readAll("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\n,,last\r\n");

        assertEquals(List.of(
                new CsvRecord(1, List.of("a", "b", "c"), null),
                new CsvRecord(2, List.of("x, y", "say \"hi\"", "two\r\nlines"), null),
                new CsvRecord(5, List.of("", "", "last"), null)), records);
    }

    @Test
    void shouldReportBadQuotingAndGoOnWithTheNextLine() {
        List<CsvRecord> records = readAll("a\"b,c\n\"a\"b,c\nok,1\n\"never closed,2\nmore\n");

        assertEquals(List.of(
                CsvRecord.malformed(1,
                        "a double quote inside an unquoted field (quote the whole field and double the quote)"),
                CsvRecord.malformed(2, "text after the closing quote of a quoted field"),
                new CsvRecord(3, List.of("ok", "1"), null),
                CsvRecord.malformed(4, "quoted field starting on line 4 is never closed")), records);
    }

    @Test
    void shouldReadALastLineWithoutLineBreak() {
        CsvReader reader = new CsvReader("a,b\n1,2");

        assertEquals(List.of("a", "b"), reader.next().fields());
        assertEquals(new CsvRecord(2, List.of("1", "2"), null), reader.next());
        assertNull(reader.next());
    }

    private static List<CsvRecord> readAll(String text) {
        CsvReader reader = new CsvReader(text);
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }
}
