package com.gridcare.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gridcare.common.Sha256;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The import service against the test database; each test uses its own account prefix. */
@QuarkusTest
class CsvImportServiceTests {

    @Inject
    CsvImportService importService;

    @Inject
    AgroalDataSource dataSource;

    @TempDir
    Path directory;

    @Test
    void shouldLoadAllFourFilesWithoutStoringIdNumbersInClear() throws Exception {
        insertNetwork();
        ExportFixture.validSet(directory, "S01");
        List<String> customers = ExportFixture.lines("customers.csv", "S01");
        customers.add("S0104,Shop 4,,,Market street 4,LV,COMMERCIAL_LV,ACTIVE,POSTPAID,TA-IMP-1,,50,2021-05-01");
        ExportFixture.write(directory, "customers.csv", customers);

        ImportReport report = importService.importDirectory(directory, Optional.empty());

        assertEquals(List.of(), report.problems());
        assertEquals(ExportFixture.FILES, report.files().stream().map(FileSummary::file).toList());
        assertEquals(List.of(4L, 4L, 3L, 3L), report.files().stream().map(FileSummary::rowsRead).toList());
        assertEquals(List.of(4L, 4L, 3L, 3L), report.files().stream().map(FileSummary::rowsInserted).toList());
        assertEquals("3 meters created", report.files().get(1).detail());
        assertEquals("2 bills updated", report.files().get(3).detail());

        assertEquals(4, count("select count(*) from customer where account_no like 'S01%'"));
        assertEquals(Sha256.hex("test-only-salt44010619800101123X".getBytes(StandardCharsets.UTF_8)),
                text("select id_number_hash from customer where account_no = 'S0101'"));
        assertNull(text("select id_number_hash from customer where account_no = 'S0102'"));
        assertEquals(ExportFixture.lines("customers.csv", "S01").get(1).split("\"")[1],
                text("select address from customer where account_no = 'S0101'"));
        assertEquals("901|901|901|50", text("select concat_ws('|', grid_area_id, feeder_id, transformer_area_id, "
                + "contracted_kva) from customer where account_no = 'S0104'"));
        assertEquals("SMART|2025-01-01|S0101", text("select concat_ws('|', kind, installed_on, c.account_no) "
                + "from meter m join customer c on c.id = m.customer_id where meter_no = 'MS0101'"));
        assertEquals(4, count("select count(*) from monthly_reading r join meter m on m.id = r.meter_id "
                + "where m.meter_no like 'MS01%'"));
        assertEquals("130.00", text("select consumption_kwh from monthly_reading r join meter m on m.id = r.meter_id "
                + "where m.meter_no = 'MS0102'"));

        assertEquals("PAID|123.77|0.25", text("select concat_ws('|', b.status, paid_amount, late_fee_paid) from bill b "
                + "join customer c on c.id = b.customer_id where c.account_no = 'S0101'"));
        assertEquals(Instant.parse("2025-02-22T02:15:00Z"), instant("select settled_at from bill b "
                + "join customer c on c.id = b.customer_id where c.account_no = 'S0101'"));
        assertEquals("PARTIALLY_PAID|50.00", text("select concat_ws('|', b.status, paid_amount) from bill b "
                + "join customer c on c.id = b.customer_id where c.account_no = 'S0102'"));
        assertEquals("UNPAID|26181.00", text("select concat_ws('|', b.status, total_amount) from bill b "
                + "join customer c on c.id = b.customer_id where c.account_no = 'S0103'"));
        assertNull(text("select bill_id from payment where payment_ref = 'PAY-S01-3'"));
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"),
                instant("select paid_at from payment where payment_ref = 'PAY-S01-3'"));
        assertEquals(Instant.parse("2025-02-10T01:00:00Z"),
                instant("select paid_at from payment where payment_ref = 'PAY-S01-2'"));
        assertTrue(count("select count(*) from import_file where file_name in "
                + "('customers.csv', 'readings.csv', 'bills.csv', 'payments.csv')") >= 4);
    }

    @Test
    void shouldNotDuplicateRowsWhenTheSameDataIsImportedAgain() throws Exception {
        ExportFixture.validSet(directory, "S02");
        assertTrue(importService.importDirectory(directory, Optional.empty()).succeeded());

        ImportReport again = importService.importDirectory(directory, Optional.empty());

        assertEquals(List.of(), again.problems());
        assertTrue(again.files().stream().allMatch(FileSummary::alreadyImported));

        // A later export repeats earlier rows: they are skipped by their natural keys, the new ones loaded.
        List<String> payments = ExportFixture.lines("payments.csv", "S02");
        payments.add("PAY-S02-4,S0102,2025-01,26.44,,2025-02-12 09:00:00,ALIPAY");
        ExportFixture.write(directory, "payments.csv", payments);
        ImportReport later = importService.importDirectory(directory, Optional.empty());

        assertEquals(List.of(), later.problems());
        FileSummary paymentsSummary = later.files().get(3);
        assertFalse(paymentsSummary.alreadyImported());
        assertEquals(1, paymentsSummary.rowsInserted());
        assertEquals(3, paymentsSummary.rowsAlreadyPresent());
        assertEquals(3, count("select count(*) from customer where account_no like 'S02%'"));
        assertEquals(4, count("select count(*) from payment where payment_ref like 'PAY-S02-%'"));
        assertEquals("PAID|76.44", text("select concat_ws('|', b.status, paid_amount) from bill b "
                + "join customer c on c.id = b.customer_id where c.account_no = 'S0102'"));
    }

    @Test
    void shouldLoadNothingFromAnyFileWhenOneLineIsBad() throws Exception {
        ExportFixture.validSet(directory, "S03");
        ExportFixture.replaceLine(directory, "bills.csv", 3,
                "S0302,2025-01,RES_TOU,130.00,-76.44,0,0,76.44,2025-02-03,2025-02-20");

        ImportReport report = importService.importDirectory(directory, Optional.empty());

        assertFalse(report.succeeded());
        assertEquals(List.of(
                new ImportProblem("bills.csv", 3, "energy_amount: negative amount -76.44")), report.problems());
        assertEquals(List.of(), report.files());
        assertEquals(0, count("select count(*) from customer where account_no like 'S03%'"));
        assertEquals(0, count("select count(*) from meter where meter_no like 'MS03%'"));
        assertEquals(0, count("select count(*) from payment where payment_ref like 'PAY-S03-%'"));
    }

    @Test
    void shouldNameExpectedAndFoundColumnsOfAWrongHeader() throws Exception {
        List<String> bills = ExportFixture.lines("bills.csv", "S04");
        bills.set(0, "account_no,period,tariff,kwh_total");
        ExportFixture.write(directory, "bills.csv", bills);

        ImportReport report = importService.importDirectory(directory, Optional.empty());

        assertEquals(List.of(new ImportProblem("bills.csv", 1, "wrong header: expected "
                + "account_no,period,tariff_code,kwh_total,energy_amount,demand_amount,surcharge_amount,total_amount,"
                + "issued_on,due_date but found account_no,period,tariff,kwh_total")), report.problems());
    }

    @Test
    void shouldReportBadDatesMonthsAndTimes() throws Exception {
        ExportFixture.validSet(directory, "S05");
        List<String> customers = ExportFixture.lines("customers.csv", "S05");
        ExportFixture.replaceLine(directory, "customers.csv", 3, customers.get(2).replace("2020-07-15", "2019-02-30"));
        ExportFixture.replaceLine(directory, "readings.csv", 2,
                "S0501,MS0501,SMART,2025-13,2025-01-31,1200.50,210.50");
        ExportFixture.replaceLine(directory, "bills.csv", 2,
                "S0501,2025-01,RES_TIERED,210.50,123.77,0,0,123.77,2025/02/03,2025-02-20");
        ExportFixture.replaceLine(directory, "payments.csv", 3, "PAY-S05-2,S0502,2025-01,50.00,,yesterday,ALIPAY");

        ImportReport report = importService.importDirectory(directory, Optional.empty());

        assertEquals(List.of(
                new ImportProblem("customers.csv", 3, "opened_on: bad date '2019-02-30', expected YYYY-MM-DD"),
                new ImportProblem("readings.csv", 2, "period: bad month '2025-13', expected YYYY-MM"),
                new ImportProblem("bills.csv", 2, "issued_on: bad date '2025/02/03', expected YYYY-MM-DD"),
                new ImportProblem("payments.csv", 3,
                        "paid_at: bad date and time 'yesterday', expected YYYY-MM-DD HH:MM:SS")), report.problems());
    }

    @Test
    void shouldReportEveryBadLineWithItsReasonAndMaskPersonalData() throws Exception {
        ExportFixture.validSet(directory, "S06");
        String longName = "N".repeat(65);
        List<String> customers = ExportFixture.lines("customers.csv", "S06");
        customers.add("S0604,Shop,13812345678,,Street 4,LV,RES_TIERED,ACTIVE,POSTPAID,,,,2021-01-01,extra");
        customers.add("S0605,,13812345678,,Street 5,MV,NO_SUCH_TARIFF,OPEN,POSTPAID,TA-NONE,,0,2021-01-01");
        customers.add("S0606," + longName + ",1391234567x,12345,Street 6,LV,RES_TIERED,ACTIVE,POSTPAID,,,,2021-01-01");
        customers.add("S0601,Copy,,,Street 1,LV,RES_TIERED,ACTIVE,POSTPAID,,,,2021-01-01");
        customers.add("S0607,\"Shop \"7\",,,Street 7,LV,RES_TIERED,ACTIVE,POSTPAID,,,,2021-01-01");
        ExportFixture.write(directory, "customers.csv", customers);
        List<String> bills = ExportFixture.lines("bills.csv", "S06");
        bills.add("S0699,2025-01,RES_TIERED,1.00,0.555,0,0,0.555,2025-02-03,2025-02-20");
        bills.add("S0602,2025-02,RES_TOU,abc,76.44,0,0,76.44,2025-02-03,2025-02-20");
        bills.add("S0603,2025-02,COMMERCIAL_HV,1.00,1.00,1.00,1.00,4.00,2025-02-03,2025-02-01");
        ExportFixture.write(directory, "bills.csv", bills);
        List<String> payments = ExportFixture.lines("payments.csv", "S06");
        payments.add("PAY-S06-1,S0601,2025-03,0,,2025-03-22 10:15:00,CASH");
        ExportFixture.write(directory, "payments.csv", payments);

        ImportReport report = importService.importDirectory(directory, Optional.empty());

        assertEquals(List.of(
                new ImportProblem("customers.csv", 5, "expected 13 columns but found 14"),
                new ImportProblem("customers.csv", 6, "name: missing"),
                new ImportProblem("customers.csv", 6, "voltage_class: unknown value 'MV', allowed: HV, LV"),
                new ImportProblem("customers.csv", 6,
                        "status: unknown value 'OPEN', allowed: ACTIVE, SUSPENDED, CLOSED"),
                new ImportProblem("customers.csv", 6, "contracted_kva: not a positive whole number: '0'"),
                new ImportProblem("customers.csv", 6, "unknown tariff_code NO_SUCH_TARIFF"),
                new ImportProblem("customers.csv", 6, "unknown transformer_area_code TA-NONE"),
                new ImportProblem("customers.csv", 7, "name: longer than 64 characters: NN**NN"),
                new ImportProblem("customers.csv", 7, "mobile: not a phone number: 139****567x"),
                new ImportProblem("customers.csv", 7,
                        "id_number: not a 15- or 18-character ID-card number (value not shown)"),
                new ImportProblem("customers.csv", 8, "duplicate account_no S0601, first on line 2"),
                new ImportProblem("customers.csv", 9, "text after the closing quote of a quoted field"),
                new ImportProblem("bills.csv", 5, "energy_amount: more than 2 decimals: 0.555"),
                new ImportProblem("bills.csv", 5, "total_amount: more than 2 decimals: 0.555"),
                new ImportProblem("bills.csv", 5, "unknown account_no S0699"),
                new ImportProblem("bills.csv", 6, "kwh_total: not a number: 'abc'"),
                new ImportProblem("bills.csv", 7,
                        "total_amount 4.00 is not energy_amount + demand_amount + surcharge_amount = 3.00"),
                new ImportProblem("bills.csv", 7, "due_date 2025-02-01 is before issued_on 2025-02-03"),
                new ImportProblem("payments.csv", 5, "amount: must be greater than zero"),
                new ImportProblem("payments.csv", 5, "duplicate payment_ref PAY-S06-1, first on line 2"),
                new ImportProblem("payments.csv", 5, "unknown channel_code CASH"),
                new ImportProblem("payments.csv", 5, "no bill for account_no S0601 and bill_period 2025-03")),
                report.problems());
        assertTrue(report.problems().stream().map(ImportProblem::reason)
                .noneMatch(reason -> reason.contains("13812345678") || reason.contains(longName)));
    }

    @Test
    void shouldReportReferencesThatExistNeitherInTheDatabaseNorInTheImport() throws Exception {
        ExportFixture.validSet(directory, "S07");
        List<String> customers = ExportFixture.lines("customers.csv", "S07");
        customers.add("S0704,Shop,,,Street 4,LV,NO_SUCH_TARIFF,ACTIVE,POSTPAID,TA-NONE,F-NONE,,2021-01-01");
        ExportFixture.write(directory, "customers.csv", customers);
        List<String> readings = ExportFixture.lines("readings.csv", "S07");
        readings.add("S0799,MS0799,SMART,2025-01,2025-01-31,10,10");
        readings.add("S0702,MS0701,SMART,2025-03,2025-03-31,10,10");
        readings.add("S0701,MS0701,SMART,2025-02,2025-02-28,10,10");
        ExportFixture.write(directory, "readings.csv", readings);
        List<String> bills = ExportFixture.lines("bills.csv", "S07");
        bills.add("S0798,2025-01,RES_TIERED,1.00,0.50,0,0,0.50,2025-02-03,2025-02-20");
        bills.add("S0701,2025-01,RES_TIERED,1.00,0.50,0,0,0.50,2025-02-03,2025-02-20");
        ExportFixture.write(directory, "bills.csv", bills);
        List<String> payments = ExportFixture.lines("payments.csv", "S07");
        payments.add("PAY-S07-4,S0701,2024-12,10.00,,2025-01-22 10:15:00,CASH");
        ExportFixture.write(directory, "payments.csv", payments);

        ImportReport report = importService.importDirectory(directory, Optional.empty());

        assertEquals(List.of(
                new ImportProblem("customers.csv", 5, "unknown tariff_code NO_SUCH_TARIFF"),
                new ImportProblem("customers.csv", 5, "unknown transformer_area_code TA-NONE"),
                new ImportProblem("customers.csv", 5, "unknown feeder_code F-NONE"),
                new ImportProblem("readings.csv", 6, "unknown account_no S0799"),
                new ImportProblem("readings.csv", 7, "meter_no MS0701 is under account_no S0701 on line 2"),
                new ImportProblem("readings.csv", 8, "duplicate reading for meter_no MS0701 and period 2025-02, "
                        + "first on line 3"),
                new ImportProblem("bills.csv", 5, "unknown account_no S0798"),
                new ImportProblem("bills.csv", 6, "duplicate bill for account_no S0701 and period 2025-01, "
                        + "first on line 2"),
                new ImportProblem("payments.csv", 5, "unknown channel_code CASH"),
                new ImportProblem("payments.csv", 5, "no bill for account_no S0701 and bill_period 2024-12")),
                report.problems());
    }

    @Test
    void shouldRejectAMeterThatBelongsToAnotherAccountInTheDatabase() throws Exception {
        ExportFixture.validSet(directory, "S08");
        assertTrue(importService.importDirectory(directory, Optional.empty()).succeeded());
        Path later = directory.resolve("later");
        java.nio.file.Files.createDirectory(later);
        List<String> readings = ExportFixture.lines("readings.csv", "S08");
        ExportFixture.write(later, "readings.csv", List.of(readings.get(0),
                "S0802,MS0801,SMART,2025-03,2025-03-31,1600.00,200.00"));

        ImportReport report = importService.importDirectory(later, Optional.empty());

        assertEquals(List.of(
                new ImportProblem("readings.csv", 2, "meter_no MS0801 belongs to account_no S0801")),
                report.problems());
    }

    @Test
    void shouldDetectGbkAndKeepChineseNames() throws Exception {
        List<String> customers = ExportFixture.lines("customers.csv", "S09");
        ExportFixture.write(directory, "customers.csv", customers, ExportDecoder.GBK);

        ImportReport report = importService.importDirectory(directory, Optional.empty());

        assertEquals(List.of(), report.problems());
        assertEquals("GBK", report.files().get(0).encoding());
        assertEquals(ExportFixture.field(customers.get(1), 1),
                text("select name from customer where account_no = 'S0901'"));
        assertEquals(ExportFixture.field(customers.get(3), 1),
                text("select name from customer where account_no = 'S0903'"));
    }

    @Test
    void shouldReadUtf8WithByteOrderMarkAndQuotedFields() throws Exception {
        List<String> customers = ExportFixture.lines("customers.csv", "S10");
        customers.add("S1004,\"Shop \"\"Four\"\", Ltd\",,,\"Street 4\nBack door\",LV,RES_TIERED,ACTIVE,POSTPAID,,,,"
                + "2021-01-01");
        customers.add("S1005,Shop 5,,,Street 5,LV,RES_TIERED,ACTIVE,POSTPAID,,,,2021-13-01");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        bytes.write((String.join("\r\n", customers) + "\r\n").getBytes(StandardCharsets.UTF_8));
        ExportFixture.writeBytes(directory, "customers.csv", bytes.toByteArray());

        ImportReport report = importService.importDirectory(directory, Optional.empty());

        // The quoted line break makes line 5 two lines long, so the next record starts on line 7.
        assertEquals(List.of(
                new ImportProblem("customers.csv", 7, "opened_on: bad date '2021-13-01', expected YYYY-MM-DD")),
                report.problems());
        customers.remove(5);
        ExportFixture.write(directory, "customers.csv", customers);
        assertEquals(List.of(), importService.importDirectory(directory, Optional.empty()).problems());
        assertEquals("Shop \"Four\", Ltd|Street 4\nBack door",
                text("select name || '|' || address from customer where account_no = 'S1004'"));
    }

    @Test
    void shouldRejectBytesThatAreNeitherUtf8NorGbk() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> customers = ExportFixture.lines("customers.csv", "S11");
        bytes.write((customers.get(0) + "\n" + customers.get(2) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] { 'S', '1', '1', '0', '9', ',', (byte) 0xFF, (byte) 0xFF, ',' });
        bytes.write("\n".getBytes(StandardCharsets.UTF_8));
        ExportFixture.writeBytes(directory, "customers.csv", bytes.toByteArray());

        ImportReport report = importService.importDirectory(directory, Optional.empty());

        assertEquals(1, report.problems().size());
        ImportProblem problem = report.problems().get(0);
        assertEquals("customers.csv", problem.file());
        assertEquals(3, problem.line());
        assertTrue(problem.reason().startsWith("not valid UTF-8 or GBK"), problem.reason());
    }

    @Test
    void shouldDecodeStrictlyInAGivenEncoding() throws Exception {
        List<String> customers = ExportFixture.lines("customers.csv", "S12");
        ExportFixture.write(directory, "customers.csv", customers, ExportDecoder.GBK);

        ImportReport asUtf8 = importService.importDirectory(directory, Optional.of(StandardCharsets.UTF_8));
        assertEquals(List.of(
                new ImportProblem("customers.csv", 2, "not valid UTF-8: malformed or unmappable bytes")),
                asUtf8.problems());

        ImportReport asGbk = importService.importDirectory(directory, Optional.of(ExportDecoder.GBK));
        assertEquals(List.of(), asGbk.problems());
        assertEquals(ExportFixture.field(customers.get(2), 1),
                text("select name from customer where account_no = 'S1202'"));
    }

    @Test
    void shouldReportADirectoryWithoutExportsAndIgnoreOtherFiles() throws Exception {
        ExportFixture.write(directory, "notes.txt", List.of("hello"));

        ImportReport report = importService.importDirectory(directory, Optional.empty());

        assertEquals(List.of(
                "ignored notes.txt: not one of customers.csv, readings.csv, bills.csv, payments.csv"), report.notes());
        assertEquals(List.of(new ImportProblem(directory.toString(), 0,
                "none of customers.csv, readings.csv, bills.csv, payments.csv found")), report.problems());
    }

    /** District, staff, grid area, substation, feeder and transformer area 901: the cleaned test database has none. */
    private void insertNetwork() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into district values (901, 'D-IMP', 'Import district') on conflict do nothing;
                    insert into staff (id, staff_no, name, mobile, role, voltage_class, district_id)
                    values (901, 'ST-IMP', 'Grid manager', '13800000000', 'AGENT', 'LV', 901) on conflict do nothing;
                    insert into grid_area values (901, 'GA-IMP', 'Import grid area', 901, 'LV', 901)
                    on conflict do nothing;
                    insert into substation values (901, 'SS-IMP', 'Import substation', 901) on conflict do nothing;
                    insert into feeder values (901, 'F-IMP-1', 'Import feeder', 901) on conflict do nothing;
                    insert into transformer_area values (901, 'TA-IMP-1', 'Import area', 901, 901, 400, 23.1, 113.2)
                    on conflict do nothing""");
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws SQLException {
        return single(sql, result -> result.getString(1));
    }

    private Instant instant(String sql) throws SQLException {
        return single(sql, result -> result.getObject(1, OffsetDateTime.class).toInstant());
    }

    private interface Column<T> {
        T read(ResultSet result) throws SQLException;
    }

    private <T> T single(String sql, Column<T> column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet result = query.executeQuery()) {
            List<T> values = new ArrayList<>();
            while (result.next()) {
                values.add(column.read(result));
            }
            assertEquals(1, values.size());
            return values.get(0);
        }
    }
}
