package com.gridcare.importer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.gridcare.billing.Payments;
import com.gridcare.common.CopyRowWriter;

/**
 * payments.csv, one line per payment. A payment naming a bill period settles that bill by billing's rule
 * ({@link Payments#settleBills}), all of a bill's payments in the file at once. Only payments inserted by this load
 * count, so a payment already in the database is never applied twice.
 */
final class PaymentsFile implements ExportFile {

    private static final List<String> COLUMNS = List.of("payment_ref", "account_no", "bill_period", "amount",
            "late_fee", "paid_at", "channel_code");
    private static final int AMOUNT_DIGITS = 10;

    private final ZoneId timeZone;

    PaymentsFile(ZoneId timeZone) {
        this.timeZone = timeZone;
    }

    @Override
    public String fileName() {
        return "payments.csv";
    }

    @Override
    public String kind() {
        return "PAYMENTS";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public String stagingTable() {
        return "staged_payment";
    }

    @Override
    public String stagingDefinition() {
        return """
                line int not null, valid boolean not null, payment_ref text, account_no text, bill_period date,
                amount numeric, late_fee numeric, paid_at timestamptz, channel_code text""";
    }

    @Override
    public String stagingColumns() {
        return "line, valid, payment_ref, account_no, bill_period, amount, late_fee, paid_at, channel_code";
    }

    @Override
    public void stage(RecordFields fields, CopyRowWriter row) throws SQLException {
        String paymentRef = fields.text("payment_ref", 40);
        String accountNo = fields.text("account_no", 16);
        LocalDate billPeriod = fields.optionalMonth("bill_period");
        BigDecimal amount = fields.amount("amount", AMOUNT_DIGITS);
        if (amount != null && amount.signum() == 0) {
            fields.problem("amount: must be greater than zero");
        }
        BigDecimal lateFee = fields.optionalAmount("late_fee", AMOUNT_DIGITS);
        OffsetDateTime paidAt = fields.dateTime("paid_at", timeZone);
        String channelCode = fields.text("channel_code", 24);
        row.number(fields.line()).bool(fields.valid()).text(paymentRef).text(accountNo).date(billPeriod)
                .text(ExportFile.plain(amount)).text(lateFee == null ? "0" : lateFee.toPlainString())
                .text(paidAt == null ? null : paidAt.toString()).text(channelCode).endRow();
    }

    @Override
    public List<String> referenceChecks() {
        return List.of("""
                select line, 'duplicate payment_ref ' || payment_ref || ', first on line ' || first_line
                from (select line, payment_ref, min(line) over (partition by payment_ref) as first_line
                      from staged_payment where payment_ref is not null) s
                where line > first_line""", """
                select line, 'unknown account_no ' || account_no from staged_payment s
                where account_no is not null
                  and not exists (select 1 from customer c where c.account_no = s.account_no)
                  and not exists (select 1 from staged_customer c where c.account_no = s.account_no)""", """
                select line, 'unknown channel_code ' || channel_code from staged_payment s
                where channel_code is not null
                  and not exists (select 1 from payment_channel p where p.code = s.channel_code)""", """
                select line, 'no bill for account_no ' || account_no || ' and bill_period '
                             || to_char(bill_period, 'YYYY-MM')
                from staged_payment s
                where account_no is not null and bill_period is not null
                  and not exists (select 1 from bill b join customer c on c.id = b.customer_id
                                  where c.account_no = s.account_no and b.period = s.bill_period)
                  and not exists (select 1 from staged_bill b
                                  where b.account_no = s.account_no and b.period = s.bill_period)""");
    }

    @Override
    public Loaded load(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet counts = statement.executeQuery("""
                        with inserted as (
                            insert into payment (payment_ref, customer_id, bill_id, amount, late_fee, paid_at,
                                                 channel_code)
                            select s.payment_ref, c.id, b.id, s.amount, s.late_fee, s.paid_at, s.channel_code
                            from staged_payment s
                            join customer c on c.account_no = s.account_no
                            left join bill b on b.customer_id = c.id and b.period = s.bill_period
                            order by s.line
                            on conflict (payment_ref) do nothing
                            returning bill_id, amount, late_fee, paid_at
                        ), per_bill as (
                            select bill_id, sum(amount) as amount, sum(late_fee) as late_fee,
                                   max(paid_at) as last_paid_at
                            from inserted
                            where bill_id is not null
                            group by bill_id
                        ), settled as (
                        """ + Payments.settleBills("per_bill") + """
                        )
                        select (select count(*) from inserted), (select count(*) from settled)""")) {
            counts.next();
            return new Loaded(counts.getLong(1), counts.getLong(2) + " bills updated");
        }
    }
}
