package com.gridcare.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV from decoded text: fields separated by commas; a field in double quotes may hold commas, line
 * breaks and doubled quotes; lines end in CRLF, LF or CR. Blank lines are skipped. Records are read one at a time so a
 * large export is never held as a list of records.
 * <p>
 * No CSV library is on the class path, and the format is small enough that adding one is not worth a dependency.
 */
final class CsvReader {

    private final String text;
    private int position;
    private int line = 1;

    CsvReader(String text) {
        this.text = text;
    }

    /** The next record, or null at the end of the text. */
    CsvRecord next() {
        skipBlankLines();
        if (position >= text.length()) {
            return null;
        }
        int recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            String problem = at('"') ? readQuoted(fields) : readUnquoted(fields);
            if (problem != null) {
                skipRestOfLine();
                return CsvRecord.malformed(recordLine, problem);
            }
            if (at(',')) {
                position++;
            } else {
                endLine();
                return new CsvRecord(recordLine, fields, null);
            }
        }
    }

    private String readUnquoted(List<String> fields) {
        int start = position;
        while (position < text.length() && !at(',') && !atLineEnd()) {
            if (at('"')) {
                return "a double quote inside an unquoted field (quote the whole field and double the quote)";
            }
            position++;
        }
        fields.add(text.substring(start, position));
        return null;
    }

    private String readQuoted(List<String> fields) {
        int startLine = line;
        StringBuilder value = new StringBuilder();
        position++;
        while (true) {
            if (position >= text.length()) {
                return "quoted field starting on line " + startLine + " is never closed";
            }
            char c = text.charAt(position);
            if (c == '"') {
                if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
                    value.append('"');
                    position += 2;
                    continue;
                }
                position++;
                break;
            }
            if (c == '\n' || c == '\r' && !(position + 1 < text.length() && text.charAt(position + 1) == '\n')) {
                line++;
            }
            value.append(c);
            position++;
        }
        if (position < text.length() && !at(',') && !atLineEnd()) {
            return "text after the closing quote of a quoted field";
        }
        fields.add(value.toString());
        return null;
    }

    private void skipBlankLines() {
        while (position < text.length() && atLineEnd()) {
            endLine();
        }
    }

    private void skipRestOfLine() {
        while (position < text.length() && !atLineEnd()) {
            position++;
        }
        endLine();
    }

    /** Consumes one CRLF, LF or CR, if there is one. */
    private void endLine() {
        if (at('\r')) {
            position++;
        }
        if (at('\n')) {
            position++;
        }
        line++;
    }

    private boolean atLineEnd() {
        return at('\n') || at('\r');
    }

    private boolean at(char c) {
        return position < text.length() && text.charAt(position) == c;
    }
}
