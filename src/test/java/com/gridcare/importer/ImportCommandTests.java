package com.gridcare.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code import} as an operator runs it: arguments in, exit status and printed report out. */
@QuarkusMainTest
class ImportCommandTests {

    @TempDir
    Path directory;

    @Test
    void shouldLoadAValidSetAndSummariseEachFile(QuarkusMainLauncher launcher) {
        ExportFixture.validSet(directory, "C01");
        ExportFixture.write(directory, "readme.txt", List.of("exported 2025-03-01"));

        LaunchResult result = launcher.launch("import", "--dir", directory.toString());

        assertEquals(0, result.exitCode(), result::getErrorOutput);
        String output = result.getOutput();
        assertContains(output, "ignored readme.txt: not one of customers.csv, readings.csv, bills.csv, payments.csv");
        assertContains(output, "customers.csv (UTF-8): 3 rows read, 3 inserted, 0 already present, ");
        assertContains(output, "readings.csv (UTF-8): 4 rows read, 4 inserted, 0 already present, 3 meters created, ");
        assertContains(output, "bills.csv (UTF-8): 3 rows read, 3 inserted, 0 already present, ");
        assertContains(output, "payments.csv (UTF-8): 3 rows read, 3 inserted, 0 already present, 2 bills updated, ");
    }

    @Test
    void shouldExitNonZeroAndNameFileLineAndReasonOfABadLine(QuarkusMainLauncher launcher) {
        ExportFixture.validSet(directory, "C02");
        ExportFixture.replaceLine(directory, "payments.csv", 3,
                "PAY-C02-2,C0202,2025-01,-50.00,,2025-02-10 09:00:00,ALIPAY");

        LaunchResult result = launcher.launch("import", "--dir", directory.toString());

        assertEquals(1, result.exitCode());
        assertContains(result.getErrorOutput(), "payments.csv line 3: amount: negative amount -50.00");
        assertContains(result.getErrorOutput(), "Nothing was imported: 1 problem(s).");
        assertTrue(!result.getOutput().contains("rows read"), result.getOutput());
    }

    @Test
    void shouldShowAtMostFiftyProblemsPerFile(QuarkusMainLauncher launcher) {
        ExportFixture.write(directory, "customers.csv", ExportFixture.lines("customers.csv", "C03"));
        List<String> bills = new ArrayList<>(ExportFixture.lines("bills.csv", "C03").subList(0, 1));
        for (int month = 0; month < 60; month++) {
            bills.add(String.format("C0301,%d-%02d,RES_TIERED,1.00,0.50,0,0,0.50,2025-02-03,2025-02",
                    2020 + month / 12, month % 12 + 1));
        }
        ExportFixture.write(directory, "bills.csv", bills);

        LaunchResult result = launcher.launch("import", "--dir", directory.toString());

        assertEquals(1, result.exitCode());
        assertContains(result.getErrorOutput(), "bills.csv line 51: due_date: bad date '2025-02', expected YYYY-MM-DD");
        assertTrue(!result.getErrorOutput().contains("bills.csv line 52:"), result.getErrorOutput());
        assertContains(result.getErrorOutput(), "bills.csv: 10 more problem(s) not shown");
        assertContains(result.getErrorOutput(), "Nothing was imported: 60 problem(s).");
    }

    @Test
    void shouldNameExpectedAndFoundColumnsOfAWrongHeader(QuarkusMainLauncher launcher) {
        ExportFixture.write(directory, "payments.csv", List.of("ref,account_no,amount", "P1,C0401,10.00"));

        LaunchResult result = launcher.launch("import", "--dir", directory.toString());

        assertEquals(1, result.exitCode());
        assertContains(result.getErrorOutput(), "payments.csv line 1: wrong header: expected "
                + "payment_ref,account_no,bill_period,amount,late_fee,paid_at,channel_code "
                + "but found ref,account_no,amount");
    }

    @Test
    void shouldReadFilesInAGivenEncoding(QuarkusMainLauncher launcher) {
        ExportFixture.write(directory, "customers.csv", ExportFixture.lines("customers.csv", "C05"), ExportDecoder.GBK);

        LaunchResult asGbk = launcher.launch("import", "--dir", directory.toString(), "--encoding", "GBK");

        assertEquals(0, asGbk.exitCode(), asGbk::getErrorOutput);
        assertContains(asGbk.getOutput(), "customers.csv (GBK): 3 rows read, 3 inserted, 0 already present, ");
    }

    @Test
    void shouldReportMalformedBytesInAGivenEncoding(QuarkusMainLauncher launcher) {
        ExportFixture.write(directory, "customers.csv", ExportFixture.lines("customers.csv", "C06"), ExportDecoder.GBK);

        LaunchResult asUtf8 = launcher.launch("import", "--dir", directory.toString(), "--encoding", "UTF-8");

        assertEquals(1, asUtf8.exitCode());
        assertContains(asUtf8.getErrorOutput(), "customers.csv line 2: not valid UTF-8: malformed or unmappable bytes");
    }

    @Test
    @Launch(value = { "import", "--dir", ".", "--verbose" }, exitCode = 2)
    void shouldRejectAnUnknownOption(LaunchResult result) {
        assertContains(result.getErrorOutput(), "Unknown option: '--verbose'");
    }

    @Test
    void shouldRejectADirectoryThatDoesNotExist(QuarkusMainLauncher launcher) {
        Path missing = directory.resolve("missing");

        LaunchResult result = launcher.launch("import", "--dir", missing.toString());

        assertEquals(2, result.exitCode());
        assertContains(result.getErrorOutput(), "No such directory: " + missing);
    }

    @Test
    @Launch(value = { "import" }, exitCode = 2)
    void shouldRequireTheDirectoryOption(LaunchResult result) {
        assertContains(result.getErrorOutput(), "Missing required option: '--dir=DIR'");
    }

    @Test
    void shouldRejectADirectoryWithoutExportFiles(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("import", "--dir", directory.toString());

        assertEquals(1, result.exitCode());
        assertContains(result.getErrorOutput(), "none of customers.csv, readings.csv, bills.csv, payments.csv found");
    }

    static void assertContains(String output, String expected) {
        assertTrue(output.contains(expected), () -> "expected to find\n  " + expected + "\nin\n" + output);
    }
}
