package com.gridcare.importer;

import java.util.List;

/**
 * The outcome of importing a directory: notes (files ignored), the problems that stopped it (then nothing was loaded),
 * or else one summary per export file in load order.
 */
public record ImportReport(List<String> notes, List<ImportProblem> problems, List<FileSummary> files) {

    static ImportReport failed(List<String> notes, List<ImportProblem> problems) {
        return new ImportReport(notes, problems, List.of());
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }
}
