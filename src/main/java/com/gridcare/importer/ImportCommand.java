package com.gridcare.importer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code import --dir D [--encoding CHARSET]}: loads the CSV exports in D and prints what happened. Exit status 0 when
 * everything present was loaded or had been already, 1 when problems stopped the import (nothing was loaded), 2 for
 * a wrong command line.
 */
@Dependent
@Unremovable
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a utility's CSV exports (customers.csv, readings.csv, bills.csv, payments.csv) from a "
                + "directory. A file with any problem stops the whole import: nothing is loaded.")
public class ImportCommand implements Callable<Integer> {

    /** Enough to see what is wrong with a file without burying the other files' problems. */
    private static final int PROBLEMS_SHOWN_PER_FILE = 50;

    private final CsvImportService importService;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Directory holding the export files.")
    Path directory;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Charset of all files, e.g. UTF-8 or GBK. Default: UTF-8 (BOM allowed), else GBK, per file.")
    Charset encoding;

    public ImportCommand(CsvImportService importService) {
        this.importService = importService;
    }

    @Override
    public Integer call() throws IOException, SQLException {
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(),
                    (Files.exists(directory) ? "Not a directory: " : "No such directory: ") + directory);
        }
        ImportReport report = importService.importDirectory(directory, Optional.ofNullable(encoding));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        report.notes().forEach(out::println);
        if (report.succeeded()) {
            report.files().forEach(file -> out.println(summaryLine(file)));
            out.flush();
            return ExitCode.OK;
        }
        printProblems(report.problems(), err);
        err.printf("Nothing was imported: %d problem(s).%n", report.problems().size());
        out.flush();
        err.flush();
        return ExitCode.SOFTWARE;
    }

    private static String summaryLine(FileSummary file) {
        if (file.alreadyImported()) {
            return file.file() + ": already imported, skipped";
        }
        return String.format("%s (%s): %d rows read, %d inserted, %d already present%s, %d ms", file.file(),
                file.encoding(), file.rowsRead(), file.rowsInserted(), file.rowsAlreadyPresent(),
                file.detail().isEmpty() ? "" : ", " + file.detail(), file.time().toMillis());
    }

    private static void printProblems(List<ImportProblem> problems, PrintWriter err) {
        String file = null;
        int shown = 0;
        int hidden = 0;
        for (ImportProblem problem : problems) {
            if (!problem.file().equals(file)) {
                printHidden(file, hidden, err);
                file = problem.file();
                shown = 0;
                hidden = 0;
            }
            if (shown < PROBLEMS_SHOWN_PER_FILE) {
                err.println(problem);
                shown++;
            } else {
                hidden++;
            }
        }
        printHidden(file, hidden, err);
    }

    private static void printHidden(String file, int hidden, PrintWriter err) {
        if (hidden > 0) {
            err.printf("%s: %d more problem(s) not shown%n", file, hidden);
        }
    }
}
