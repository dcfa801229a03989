package com.gridcare.importer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import com.gridcare.common.CopyRowWriter;

/**
 * readings.csv, one line per meter and month. A meter not yet known is created for the line's account, with the
 * kind given on its first line and its first period as installation date (exports do not carry the real one).
 */
final class ReadingsFile implements ExportFile {

    private static final List<String> COLUMNS = List.of("account_no", "meter_no", "meter_kind", "period", "read_on",
            "reading_kwh", "consumption_kwh");

    @Override
    public String fileName() {
        return "readings.csv";
    }

    @Override
    public String kind() {
        return "READINGS";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public String stagingTable() {
        return "staged_reading";
    }

    @Override
    public String stagingDefinition() {
        return """
                line int not null, valid boolean not null, account_no text, meter_no text, meter_kind text,
                period date, read_on date, reading_kwh numeric, consumption_kwh numeric""";
    }

    @Override
    public String stagingColumns() {
        return "line, valid, account_no, meter_no, meter_kind, period, read_on, reading_kwh, consumption_kwh";
    }

    @Override
    public void stage(RecordFields fields, CopyRowWriter row) throws SQLException {
        String accountNo = fields.text("account_no", 16);
        String meterNo = fields.text("meter_no", 20);
        String meterKind = fields.oneOf("meter_kind", List.of("SMART", "CLASSIC"));
        LocalDate period = fields.month("period");
        LocalDate readOn = fields.date("read_on");
        BigDecimal readingKwh = fields.amount("reading_kwh", 12);
        BigDecimal consumptionKwh = fields.amount("consumption_kwh", 10);
        row.number(fields.line()).bool(fields.valid()).text(accountNo).text(meterNo).text(meterKind).date(period)
                .date(readOn).text(ExportFile.plain(readingKwh)).text(ExportFile.plain(consumptionKwh)).endRow();
    }

    @Override
    public List<String> referenceChecks() {
        return List.of("""
                select line, 'duplicate reading for meter_no ' || meter_no || ' and period '
                             || to_char(period, 'YYYY-MM') || ', first on line ' || first_line
                from (select line, meter_no, period, min(line) over (partition by meter_no, period) as first_line
                      from staged_reading where meter_no is not null and period is not null) s
                where line > first_line""", """
                select line, 'unknown account_no ' || account_no from staged_reading s
                where account_no is not null
                  and not exists (select 1 from customer c where c.account_no = s.account_no)
                  and not exists (select 1 from staged_customer c where c.account_no = s.account_no)""", """
                select s.line, 'meter_no ' || s.meter_no || ' belongs to account_no ' || c.account_no
                from staged_reading s
                join meter m on m.meter_no = s.meter_no
                join customer c on c.id = m.customer_id
                where c.account_no <> s.account_no""", """
                select line, 'meter_no ' || meter_no || ' is under account_no ' || first_account
                             || ' on line ' || first_line
                from (select line, meter_no, account_no,
                             first_value(account_no) over by_line as first_account,
                             first_value(line) over by_line as first_line
                      from staged_reading
                      where meter_no is not null and account_no is not null
                      window by_line as (partition by meter_no order by line)) s
                where account_no <> first_account""");
    }

    @Override
    public Loaded load(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int meters = statement.executeUpdate("""
                    insert into meter (meter_no, customer_id, kind, installed_on)
                    select distinct on (s.meter_no) s.meter_no, c.id, s.meter_kind,
                           min(s.period) over (partition by s.meter_no)
                    from staged_reading s
                    join customer c on c.account_no = s.account_no
                    order by s.meter_no, s.line
                    on conflict (meter_no) do nothing""");
            int readings = statement.executeUpdate("""
                    insert into monthly_reading (meter_id, period, read_on, reading_kwh, consumption_kwh)
                    select m.id, s.period, s.read_on, s.reading_kwh, s.consumption_kwh
                    from staged_reading s
                    join meter m on m.meter_no = s.meter_no
                    on conflict (meter_id, period) do nothing""");
            return new Loaded(readings, meters + " meters created");
        }
    }
}
