package com.gridcare.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes export files for tests from the valid set in {@code src/test/resources/importer/valid-set}, whose account
 * numbers, meter numbers and payment references carry a prefix ({@code @P@}) so each test has its own rows.
 */
final class ExportFixture {

    static final List<String> FILES = List.of("customers.csv", "readings.csv", "bills.csv", "payments.csv");

    private ExportFixture() {
    }

    /** The lines of one file of the valid set, header first, with the prefix filled in. */
    static List<String> lines(String file, String prefix) {
        try (InputStream in = ExportFixture.class.getResourceAsStream("/importer/valid-set/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@P@", prefix);
            return new ArrayList<>(text.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes all four files of the valid set into {@code directory}. */
    static Path validSet(Path directory, String prefix) {
        for (String file : FILES) {
            write(directory, file, lines(file, prefix));
        }
        return directory;
    }

    static void write(Path directory, String file, List<String> lines) {
        write(directory, file, lines, StandardCharsets.UTF_8);
    }

    static void write(Path directory, String file, List<String> lines, Charset charset) {
        writeBytes(directory, file, (String.join("\n", lines) + "\n").getBytes(charset));
    }

    static void writeBytes(Path directory, String file, byte[] bytes) {
        try {
            Files.write(directory.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces line {@code number} (1 is the header) of a file of the valid set already written. */
    static void replaceLine(Path directory, String file, int number, String line) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(directory.resolve(file)));
            lines.set(number - 1, line);
            write(directory, file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field {@code index} (from 0) of a line without quoted commas. */
    static String field(String line, int index) {
        return line.split(",", -1)[index];
    }
}
