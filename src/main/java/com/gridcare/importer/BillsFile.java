package com.gridcare.importer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import com.gridcare.common.CopyRowWriter;

/** bills.csv, one line per account and month. Bills arrive unpaid; payments.csv settles them. */
final class BillsFile implements ExportFile {

    private static final List<String> COLUMNS = List.of("account_no", "period", "tariff_code", "kwh_total",
            "energy_amount", "demand_amount", "surcharge_amount", "total_amount", "issued_on", "due_date");
    private static final int AMOUNT_DIGITS = 10;

    @Override
    public String fileName() {
        return "bills.csv";
    }

    @Override
    public String kind() {
        return "BILLS";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public String stagingTable() {
        return "staged_bill";
    }

    @Override
    public String stagingDefinition() {
        return """
                line int not null, valid boolean not null, account_no text, period date, tariff_code text,
                kwh_total numeric, energy_amount numeric, demand_amount numeric, surcharge_amount numeric,
                total_amount numeric, issued_on date, due_date date""";
    }

    @Override
    public String stagingColumns() {
        return "line, valid, account_no, period, tariff_code, kwh_total, energy_amount, demand_amount, "
                + "surcharge_amount, total_amount, issued_on, due_date";
    }

    @Override
    public void stage(RecordFields fields, CopyRowWriter row) throws SQLException {
        String accountNo = fields.text("account_no", 16);
        LocalDate period = fields.month("period");
        String tariffCode = fields.text("tariff_code", 24);
        BigDecimal kwhTotal = fields.amount("kwh_total", AMOUNT_DIGITS);
        BigDecimal energyAmount = fields.amount("energy_amount", AMOUNT_DIGITS);
        BigDecimal demandAmount = fields.amount("demand_amount", AMOUNT_DIGITS);
        BigDecimal surchargeAmount = fields.amount("surcharge_amount", AMOUNT_DIGITS);
        BigDecimal totalAmount = fields.amount("total_amount", AMOUNT_DIGITS);
        LocalDate issuedOn = fields.date("issued_on");
        LocalDate dueDate = fields.date("due_date");
        if (fields.valid()) {
            BigDecimal items = energyAmount.add(demandAmount).add(surchargeAmount);
            if (totalAmount.compareTo(items) != 0) {
                fields.problem("total_amount " + totalAmount.toPlainString()
                        + " is not energy_amount + demand_amount + surcharge_amount = " + items.toPlainString());
            }
            if (dueDate.isBefore(issuedOn)) {
                fields.problem("due_date " + dueDate + " is before issued_on " + issuedOn);
            }
        }
        row.number(fields.line()).bool(fields.valid()).text(accountNo).date(period).text(tariffCode)
                .text(ExportFile.plain(kwhTotal)).text(ExportFile.plain(energyAmount))
                .text(ExportFile.plain(demandAmount)).text(ExportFile.plain(surchargeAmount))
                .text(ExportFile.plain(totalAmount)).date(issuedOn).date(dueDate).endRow();
    }

    @Override
    public List<String> referenceChecks() {
        return List.of("""
                select line, 'duplicate bill for account_no ' || account_no || ' and period '
                             || to_char(period, 'YYYY-MM') || ', first on line ' || first_line
                from (select line, account_no, period, min(line) over (partition by account_no, period) as first_line
                      from staged_bill where account_no is not null and period is not null) s
                where line > first_line""", """
                select line, 'unknown account_no ' || account_no from staged_bill s
                where account_no is not null
                  and not exists (select 1 from customer c where c.account_no = s.account_no)
                  and not exists (select 1 from staged_customer c where c.account_no = s.account_no)""", """
                select line, 'unknown tariff_code ' || tariff_code from staged_bill s
                where tariff_code is not null
                  and not exists (select 1 from tariff_plan t where t.code = s.tariff_code)""");
    }

    @Override
    public Loaded load(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int inserted = statement.executeUpdate("""
                    insert into bill (customer_id, period, tariff_code, kwh_total, energy_amount, demand_amount,
                                      surcharge_amount, total_amount, issued_on, due_date, status)
                    select c.id, s.period, s.tariff_code, s.kwh_total, s.energy_amount, s.demand_amount,
                           s.surcharge_amount, s.total_amount, s.issued_on, s.due_date, 'UNPAID'
                    from staged_bill s
                    join customer c on c.account_no = s.account_no
                    order by s.line
                    on conflict (customer_id, period) do nothing""");
            return new Loaded(inserted, "");
        }
    }
}
