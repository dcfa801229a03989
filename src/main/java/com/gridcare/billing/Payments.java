package com.gridcare.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applying payments to bills. One rule ({@link #settleBills}) for every way a payment arrives: a bill's paid amount
 * and late fee paid grow by its payments, and it becomes PAID once paid in full (settled at the time of the payment
 * that completed it, kept if it was settled before) or else PARTIALLY_PAID. The importer applies a file's payments
 * with it set-wise; {@link #apply} one reported payment.
 */
@ApplicationScoped
public class Payments {

    /** The amount columns are numeric(12, 2). */
    private static final BigDecimal TOO_LARGE = new BigDecimal("10000000000");
    private static final int REF_LENGTH = 40;

    private static final String BILL = """
            select b.id, b.customer_id, b.tariff_code, b.total_amount, b.paid_amount, b.status, b.due_date
              from bill b join customer c on c.id = b.customer_id
             where c.account_no = $1 and b.period = $2
               for update of b""";

    private static final String INSERT = """
            insert into payment (payment_ref, customer_id, bill_id, amount, late_fee, paid_at, channel_code)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (payment_ref) do nothing""";

    private static final String SETTLE_ONE = "with paid (bill_id, amount, late_fee, last_paid_at) as "
            + "(values ($1::bigint, $2::numeric, $3::numeric, $4::timestamptz)) " + settleBills("paid");

    private final Pool pool;
    private final TariffCatalog tariffs;
    private final Clock clock;

    public Payments(Pool pool, TariffCatalog tariffs, Clock clock) {
        this.pool = pool;
        this.tariffs = tariffs;
        this.clock = clock;
    }

    /**
     * The update that applies payments to their bills: {@code payments} names a relation of
     * {@code (bill_id, amount, late_fee, last_paid_at)}, one row per bill with its payments summed. Returns the ids of
     * the bills changed.
     */
    public static String settleBills(String payments) {
        return """
                update bill b
                   set paid_amount = b.paid_amount + p.amount,
                       late_fee_paid = b.late_fee_paid + p.late_fee,
                       status = case when b.paid_amount + p.amount >= b.total_amount
                                     then 'PAID' else 'PARTIALLY_PAID' end,
                       settled_at = case when b.paid_amount + p.amount >= b.total_amount
                                         then coalesce(b.settled_at, p.last_paid_at) end
                  from %s p
                 where b.id = p.bill_id
                returning b.id""".formatted(payments);
    }

    /**
     * Records a reported payment of the bill of its account and period and applies it. Its late fee is what the
     * tariff's rules accrued on the part of the amount that was still unpaid, from the due date to the payment day in
     * the utility's time zone (an amount beyond the bill accrued none). A payment reference recorded before is refused
     * (409) and changes nothing, as is an unknown account or bill (404) or channel (400).
     */
    public Uni<Void> apply(PaymentReport report) {
        YearMonth period = checked(report);
        return tariffs.all().chain(plans -> pool.withTransaction(connection -> knownChannel(connection, report.channel())
                .chain(() -> connection.preparedQuery(BILL).execute(Tuple.of(report.accountNo(), period.atDay(1))))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("No bill of this account for " + period + ".");
                    }
                    return record(connection, report, rows.iterator().next(), plans);
                })));
    }

    private Uni<Void> record(SqlConnection connection, PaymentReport report, Row bill,
            Map<String, TariffPlan> plans) {
        long unpaidFen = "PAID".equals(bill.getString("status")) ? 0
                : Math.max(0, Amounts.fen(bill.getBigDecimal("total_amount"))
                        - Amounts.fen(bill.getBigDecimal("paid_amount")));
        long principalFen = Math.min(Amounts.fen(report.amount()), unpaidFen);
        LocalDate paidOn = report.paidAt().atZone(clock.getZone()).toLocalDate();
        BigDecimal lateFee = Amounts.yuan(BillCalculator.lateFeeFen(plans.get(bill.getString("tariff_code")),
                principalFen, bill.getLocalDate("due_date"), paidOn));
        var paidAt = report.paidAt().atOffset(ZoneOffset.UTC);
        long billId = bill.getLong("id");
        return connection.preparedQuery(INSERT).execute(Tuple.from(new Object[] { report.paymentRef(),
                bill.getLong("customer_id"), billId, report.amount(), lateFee, paidAt, report.channel() }))
                .chain(inserted -> {
                    if (inserted.rowCount() == 0) {
                        throw new ProblemException(409, "payment-already-recorded", "Conflict",
                                "This payment was recorded already.");
                    }
                    return connection.preparedQuery(SETTLE_ONE)
                            .execute(Tuple.of(billId, report.amount(), lateFee, paidAt));
                })
                .replaceWithVoid();
    }

    private static Uni<Void> knownChannel(SqlConnection connection, String channel) {
        return connection.preparedQuery("select 1 from payment_channel where code = $1").execute(Tuple.of(channel))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new InvalidRequestException("channel: not a payment channel code");
                    }
                }).replaceWithVoid();
    }

    /** The bill's month of a report that is complete and well formed; refused (400) otherwise. */
    private static YearMonth checked(PaymentReport report) {
        if (report.paymentRef() == null || report.paymentRef().isBlank() || report.paymentRef().length() > REF_LENGTH
                || report.accountNo() == null || report.accountNo().isBlank() || report.period() == null
                || report.amount() == null || report.paidAt() == null || report.channel() == null) {
            throw new InvalidRequestException("give paymentRef (at most " + REF_LENGTH + " characters), accountNo, "
                    + "period, amount, paidAt and channel");
        }
        if (report.amount().signum() <= 0 || report.amount().stripTrailingZeros().scale() > 2
                || report.amount().compareTo(TOO_LARGE) >= 0) {
            throw new InvalidRequestException("amount: more than 0 CNY, at most 2 decimals");
        }
        try {
            return YearMonth.parse(report.period());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("period: the bill's month as YYYY-MM");
        }
    }
}
