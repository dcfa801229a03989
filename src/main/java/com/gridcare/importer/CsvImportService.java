package com.gridcare.importer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.CopyRowWriter;
import com.gridcare.common.PiiConfig;
import com.gridcare.common.Sha256;
import com.gridcare.common.TimeZoneConfig;

import io.agroal.api.AgroalDataSource;

/**
 * Imports a utility's CSV exports from a directory: customers, readings, bills, payments, in that order.
 * <p>
 * Every present file is first checked line by line while it is copied into a temporary staging table, then checked
 * set-wise against the database and the files staged before it (a reading may name an account from customers.csv of
 * the same import). Only if no file has a problem is anything loaded, each file in its own transaction that inserts
 * on the natural key ({@code ON CONFLICT DO NOTHING}) and records the file's SHA-256 in {@code import_file}, so running
 * the same import again changes nothing. Blocking JDBC: this runs from the operator CLI, not on a request path.
 */
@ApplicationScoped
public class CsvImportService {

    private final AgroalDataSource dataSource;
    private final List<ExportFile> exportFiles;

    public CsvImportService(AgroalDataSource dataSource, PiiConfig pii, TimeZoneConfig timeZone) {
        this.dataSource = dataSource;
        this.exportFiles = List.of(new CustomersFile(pii.idHashSalt()), new ReadingsFile(), new BillsFile(),
                new PaymentsFile(timeZone.timeZone()));
    }

    /** A file read and staged but not yet loaded; {@code alreadyImported} files are neither. */
    private record StagedFile(ExportFile file, String sha256, boolean alreadyImported, String encoding, long rowsRead,
            long stagingNanos) {
    }

    /**
     * @param encoding the charset every file is in; when empty, each file is read as UTF-8 and else as GBK
     */
    public ImportReport importDirectory(Path directory, Optional<Charset> encoding) throws IOException, SQLException {
        List<String> notes = unknownFiles(directory).stream()
                .map(name -> "ignored " + name + ": not one of " + expectedNames())
                .toList();
        List<ExportFile> present = exportFiles.stream()
                .filter(file -> Files.isRegularFile(directory.resolve(file.fileName())))
                .toList();
        if (present.isEmpty()) {
            return ImportReport.failed(notes,
                    List.of(new ImportProblem(directory.toString(), 0, "none of " + expectedNames() + " found")));
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            createStagingTables(connection);
            List<ImportProblem> problems = new ArrayList<>();
            List<StagedFile> staged = new ArrayList<>();
            for (ExportFile file : present) {
                staged.add(stage(connection, directory, file, encoding, problems));
            }
            // The staging tables are temporary, private to this connection; committing keeps them for the loads.
            connection.commit();
            for (StagedFile file : staged) {
                if (!file.alreadyImported()) {
                    problems.addAll(checkReferences(connection, file.file()));
                }
            }
            if (!problems.isEmpty()) {
                dropStagingTables(connection);
                problems.sort(Comparator.comparingInt((ImportProblem problem) -> fileOrder(problem.file()))
                        .thenComparingInt(ImportProblem::line));
                return ImportReport.failed(notes, problems);
            }
            List<FileSummary> summaries = new ArrayList<>();
            for (StagedFile file : staged) {
                summaries.add(file.alreadyImported() ? FileSummary.skipped(file.file().fileName())
                        : load(connection, file));
            }
            dropStagingTables(connection);
            return new ImportReport(notes, List.of(), summaries);
        }
    }

    private StagedFile stage(Connection connection, Path directory, ExportFile file, Optional<Charset> encoding,
            List<ImportProblem> problems) throws IOException, SQLException {
        long started = System.nanoTime();
        byte[] bytes = Files.readAllBytes(directory.resolve(file.fileName()));
        String sha256 = Sha256.hex(bytes);
        if (alreadyImported(connection, sha256)) {
            return new StagedFile(file, sha256, true, "", 0, 0);
        }
        ExportDecoder.DecodedText decoded;
        try {
            decoded = ExportDecoder.decode(bytes, encoding);
        } catch (ExportDecoder.UndecodableException e) {
            problems.add(new ImportProblem(file.fileName(), e.line(), e.getMessage()));
            return new StagedFile(file, sha256, false, "", 0, System.nanoTime() - started);
        }
        CsvReader reader = new CsvReader(decoded.text());
        String encodingName = decoded.charset().name();
        CsvRecord header = reader.next();
        if (header == null) {
            problems.add(new ImportProblem(file.fileName(), 1, "empty file: the header line is missing, expected "
                    + String.join(",", file.columns())));
            return new StagedFile(file, sha256, false, encodingName, 0, System.nanoTime() - started);
        }
        List<String> headerColumns = header.fields().stream().map(String::strip).toList();
        if (header.problem() != null || !headerColumns.equals(file.columns())) {
            problems.add(new ImportProblem(file.fileName(), header.line(), "wrong header: expected "
                    + String.join(",", file.columns()) + " but found " + String.join(",", headerColumns)));
            return new StagedFile(file, sha256, false, encodingName, 0, System.nanoTime() - started);
        }
        long rows = 0;
        try (CopyRowWriter copy = CopyRowWriter.open(connection, file.stagingTable(), file.stagingColumns(), false)) {
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                rows++;
                if (record.problem() != null) {
                    problems.add(new ImportProblem(file.fileName(), record.line(), record.problem()));
                } else if (record.fields().size() != file.columns().size()) {
                    problems.add(new ImportProblem(file.fileName(), record.line(), "expected "
                            + file.columns().size() + " columns but found " + record.fields().size()));
                } else {
                    RecordFields fields = new RecordFields(record, file.columns());
                    file.stage(fields, copy);
                    for (String reason : fields.problems()) {
                        problems.add(new ImportProblem(file.fileName(), record.line(), reason));
                    }
                }
            }
            copy.finish();
        }
        try (Statement statement = connection.createStatement()) {
            // Autovacuum never analyzes temporary tables; the reference checks and loads need the row estimates.
            statement.execute("analyze " + file.stagingTable());
        }
        return new StagedFile(file, sha256, false, encodingName, rows, System.nanoTime() - started);
    }

    private List<ImportProblem> checkReferences(Connection connection, ExportFile file) throws SQLException {
        List<ImportProblem> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String check : file.referenceChecks()) {
                try (ResultSet offending = statement.executeQuery(check)) {
                    while (offending.next()) {
                        problems.add(new ImportProblem(file.fileName(), offending.getInt(1), offending.getString(2)));
                    }
                }
            }
        }
        return problems;
    }

    private FileSummary load(Connection connection, StagedFile staged) throws SQLException {
        long started = System.nanoTime();
        ExportFile file = staged.file();
        ExportFile.Loaded loaded;
        try {
            loaded = file.load(connection);
            try (PreparedStatement record = connection.prepareStatement(
                    "insert into import_file (kind, file_name, sha256, rows_loaded) values (?, ?, ?, ?)")) {
                record.setString(1, file.kind());
                record.setString(2, file.fileName());
                record.setString(3, staged.sha256());
                record.setLong(4, loaded.rowsInserted());
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        Duration time = Duration.ofNanos(staged.stagingNanos() + System.nanoTime() - started);
        return new FileSummary(file.fileName(), false, staged.encoding(), staged.rowsRead(), loaded.rowsInserted(),
                loaded.detail(), time);
    }

    private boolean alreadyImported(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from import_file where sha256 = ?")) {
            query.setString(1, sha256);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    /** All four exist whichever files are present, so every reference check can look at the earlier ones. */
    private void createStagingTables(Connection connection) throws SQLException {
        // An earlier import that failed half-way may have left them on this pooled connection.
        dropStagingTables(connection);
        try (Statement statement = connection.createStatement()) {
            for (ExportFile file : exportFiles) {
                statement.execute("create temporary table " + file.stagingTable() + " (" + file.stagingDefinition()
                        + ")");
            }
        }
    }

    private void dropStagingTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + exportFiles.stream().map(ExportFile::stagingTable)
                    .collect(Collectors.joining(", ")));
        }
        connection.commit();
    }

    private List<String> unknownFiles(Path directory) throws IOException {
        List<String> expected = exportFiles.stream().map(ExportFile::fileName).toList();
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> !expected.contains(name))
                    .sorted()
                    .toList();
        }
    }

    private String expectedNames() {
        return exportFiles.stream().map(ExportFile::fileName).collect(Collectors.joining(", "));
    }

    private int fileOrder(String fileName) {
        for (int i = 0; i < exportFiles.size(); i++) {
            if (exportFiles.get(i).fileName().equals(fileName)) {
                return i;
            }
        }
        return -1;
    }
}
