package com.gridcare.importer;

/** Something that stops an import: in which file, on which line (0 for the file as a whole) and why. */
public record ImportProblem(String file, int line, String reason) {

    @Override
    public String toString() {
        return line == 0 ? file + ": " + reason : file + " line " + line + ": " + reason;
    }
}
