package com.gridcare.importer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.gridcare.common.CopyRowWriter;
import com.gridcare.common.PiiMasker;
import com.gridcare.common.Sha256;

/**
 * customers.csv, one line per account. The ID-card number is hashed with the configured salt while staging, so it
 * never reaches the database in clear; the grid area follows from the transformer area, as does the feeder when none
 * is given.
 */
final class CustomersFile implements ExportFile {

    private static final List<String> COLUMNS = List.of("account_no", "name", "mobile", "id_number", "address",
            "voltage_class", "tariff_code", "status", "payment_mode", "transformer_area_code", "feeder_code",
            "contracted_kva", "opened_on");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d-]*");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]|\\d{15}");

    private final String idHashSalt;

    CustomersFile(String idHashSalt) {
        this.idHashSalt = idHashSalt;
    }

    @Override
    public String fileName() {
        return "customers.csv";
    }

    @Override
    public String kind() {
        return "CUSTOMERS";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public String stagingTable() {
        return "staged_customer";
    }

    @Override
    public String stagingDefinition() {
        return """
                line int not null, valid boolean not null, account_no text, name text, mobile text,
                id_number_hash text, address text, voltage_class text, tariff_code text, status text,
                payment_mode text, transformer_area_code text, feeder_code text, contracted_kva int, opened_on date""";
    }

    @Override
    public String stagingColumns() {
        return "line, valid, account_no, name, mobile, id_number_hash, address, voltage_class, tariff_code, status, "
                + "payment_mode, transformer_area_code, feeder_code, contracted_kva, opened_on";
    }

    @Override
    public void stage(RecordFields fields, CopyRowWriter row) throws SQLException {
        String accountNo = fields.text("account_no", 16);
        String name = fields.text("name", 64, PiiMasker::name);
        String mobile = fields.optionalText("mobile", 20, PiiMasker::mobile);
        if (mobile != null && !PHONE.matcher(mobile).matches()) {
            fields.problem("mobile: not a phone number: " + PiiMasker.mobile(mobile));
        }
        String idNumber = fields.raw("id_number");
        if (idNumber != null && !ID_NUMBER.matcher(idNumber).matches()) {
            fields.problem("id_number: not a 15- or 18-character ID-card number (value not shown)");
            idNumber = null;
        }
        String address = fields.text("address", 160, RecordFields::withheld);
        String voltageClass = fields.oneOf("voltage_class", List.of("HV", "LV"));
        String tariffCode = fields.text("tariff_code", 24);
        String status = fields.oneOf("status", List.of("ACTIVE", "SUSPENDED", "CLOSED"));
        String paymentMode = fields.oneOf("payment_mode", List.of("POSTPAID", "PREPAID"));
        String transformerAreaCode = fields.optionalText("transformer_area_code", 16);
        String feederCode = fields.optionalText("feeder_code", 16);
        Integer contractedKva = fields.optionalPositiveWhole("contracted_kva");
        LocalDate openedOn = fields.date("opened_on");
        row.number(fields.line()).bool(fields.valid()).text(accountNo).text(name).text(mobile)
                .text(idNumberHash(idNumber)).text(address).text(voltageClass).text(tariffCode).text(status)
                .text(paymentMode).text(transformerAreaCode).text(feederCode);
        if (contractedKva == null) {
            row.nullValue();
        } else {
            row.number(contractedKva);
        }
        row.date(openedOn).endRow();
    }

    private String idNumberHash(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        return Sha256.hex((idHashSalt + idNumber.toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> referenceChecks() {
        return List.of("""
                select line, 'duplicate account_no ' || account_no || ', first on line ' || first_line
                from (select line, account_no, min(line) over (partition by account_no) as first_line
                      from staged_customer where account_no is not null) s
                where line > first_line""", """
                select line, 'unknown tariff_code ' || tariff_code from staged_customer s
                where tariff_code is not null
                  and not exists (select 1 from tariff_plan t where t.code = s.tariff_code)""", """
                select line, 'unknown transformer_area_code ' || transformer_area_code from staged_customer s
                where transformer_area_code is not null
                  and not exists (select 1 from transformer_area t where t.code = s.transformer_area_code)""", """
                select line, 'unknown feeder_code ' || feeder_code from staged_customer s
                where feeder_code is not null
                  and not exists (select 1 from feeder f where f.code = s.feeder_code)""", """
                select s.line, 'feeder_code ' || s.feeder_code || ' does not feed transformer_area_code '
                               || s.transformer_area_code
                from staged_customer s
                join transformer_area t on t.code = s.transformer_area_code
                join feeder f on f.code = s.feeder_code
                where t.feeder_id <> f.id""");
    }

    @Override
    public Loaded load(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int inserted = statement.executeUpdate("""
                    insert into customer (account_no, name, mobile, id_number_hash, address, voltage_class, tariff_code,
                                          status, payment_mode, grid_area_id, feeder_id, transformer_area_id,
                                          contracted_kva, opened_on)
                    select s.account_no, s.name, s.mobile, s.id_number_hash, s.address, s.voltage_class, s.tariff_code,
                           s.status, s.payment_mode, t.grid_area_id, coalesce(f.id, t.feeder_id), t.id,
                           s.contracted_kva, s.opened_on
                    from staged_customer s
                    left join transformer_area t on t.code = s.transformer_area_code
                    left join feeder f on f.code = s.feeder_code
                    order by s.line
                    on conflict (account_no) do nothing""");
            return new Loaded(inserted, "");
        }
    }
}
