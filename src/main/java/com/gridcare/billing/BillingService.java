package com.gridcare.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.Page;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Bills, arrears and payments of one customer whose access the caller has already checked. One query per call; the
 * late fee accrued so far is computed here from the tariff rules ({@link BillCalculator#lateFeeFen}) as of the
 * clock's today in the utility's time zone, never stored.
 */
@ApplicationScoped
public class BillingService {

    /** Before every real period and payment: the position of an empty cursor. */
    private static final LocalDate END_OF_PERIODS = LocalDate.of(9999, 12, 1);

    private static final String LIST = """
            select period, tariff_code, kwh_total, total_amount, issued_on, due_date, status, paid_amount
              from bill
             where customer_id = $1 and period < $2
             order by period desc
             limit $3""";

    private static final String DETAIL_COLUMNS = """
            select b.period, b.tariff_code, p.name as tariff_name, b.kwh_total, b.tier1_kwh, b.tier2_kwh, b.tier3_kwh,
                   b.tier1_amount, b.tier2_amount, b.tier3_amount, b.peak_kwh, b.flat_kwh, b.valley_kwh,
                   b.energy_amount, b.demand_amount, b.surcharge_amount, b.total_amount, b.issued_on, b.due_date,
                   b.status, b.paid_amount, b.late_fee_paid, b.settled_at
              from bill b join tariff_plan p on p.code = b.tariff_code
            """;
    private static final String DETAIL = DETAIL_COLUMNS + " where b.customer_id = $1 and b.period = $2";
    private static final String LATEST = DETAIL_COLUMNS + " where b.customer_id = $1 order by b.period desc limit 1";

    private static final String OPEN_BILLS = """
            select tariff_code, total_amount, paid_amount, due_date
              from bill
             where customer_id = $1 and status <> 'PAID'""";

    private static final String PAYMENTS = """
            select p.id, p.payment_ref, p.amount, p.late_fee, p.paid_at, p.channel_code, c.name as channel_name,
                   b.period
              from payment p
              join payment_channel c on c.code = p.channel_code
              left join bill b on b.id = p.bill_id
             where p.customer_id = $1 and (p.paid_at, p.id) < ($2, $3)
             order by p.paid_at desc, p.id desc
             limit $4""";

    private final Pool pool;
    private final TariffCatalog tariffs;
    private final Clock clock;

    public BillingService(Pool pool, TariffCatalog tariffs, Clock clock) {
        this.pool = pool;
        this.tariffs = tariffs;
        this.clock = clock;
    }

    /** Bills newest first; {@code cursor} null for the first page, {@code limit} null for the default. */
    public Uni<Page<BillSummary>> bills(long customerId, String cursor, Integer limit) {
        return Uni.createFrom().deferred(() -> {
            int size = Page.limit(limit);
            LocalDate before = cursor == null ? END_OF_PERIODS : periodStart(Page.decodeCursor(cursor, 1)[0]);
            LocalDate today = LocalDate.now(clock);
            return tariffs.all().flatMap(plans -> pool.preparedQuery(LIST)
                    .execute(Tuple.of(customerId, before, size + 1L))
                    .map(rows -> {
                        List<BillSummary> fetched = new ArrayList<>();
                        for (Row row : rows) {
                            fetched.add(summary(row, plans, today));
                        }
                        return Page.of(fetched, size, bill -> new String[] { bill.period() });
                    }));
        });
    }

    /** The bill of {@code period}, empty when the customer has none for it. */
    public Uni<Optional<BillDetail>> bill(long customerId, YearMonth period) {
        return detail(DETAIL, Tuple.of(customerId, period.atDay(1)));
    }

    /** The newest bill, empty when the customer has never been billed. */
    public Uni<Optional<BillDetail>> latestBill(long customerId) {
        return detail(LATEST, Tuple.of(customerId));
    }

    public Uni<Arrears> arrears(long customerId) {
        LocalDate today = LocalDate.now(clock);
        return tariffs.all().flatMap(plans -> pool.preparedQuery(OPEN_BILLS).execute(Tuple.of(customerId))
                .map(rows -> {
                    int open = 0;
                    int overdue = 0;
                    long outstandingFen = 0;
                    long overdueFen = 0;
                    long lateFeeFen = 0;
                    LocalDate oldestDue = null;
                    for (Row row : rows) {
                        long unpaid = Amounts.fen(row.getBigDecimal("total_amount"))
                                - Amounts.fen(row.getBigDecimal("paid_amount"));
                        if (unpaid <= 0) {
                            continue;
                        }
                        LocalDate due = row.getLocalDate("due_date");
                        open++;
                        outstandingFen += unpaid;
                        if (today.isAfter(due)) {
                            overdue++;
                            overdueFen += unpaid;
                        }
                        lateFeeFen += BillCalculator.lateFeeFen(plan(plans, row), unpaid, due, today);
                        oldestDue = oldestDue == null || due.isBefore(oldestDue) ? due : oldestDue;
                    }
                    return new Arrears(open, Amounts.yuan(outstandingFen), overdue, Amounts.yuan(overdueFen), oldestDue,
                            Amounts.yuan(lateFeeFen), Amounts.yuan(outstandingFen + lateFeeFen));
                }));
    }

    /** Payments newest first, with the channel's name and the period of the bill each settled. */
    public Uni<Page<PaymentRecord>> payments(long customerId, String cursor, Integer limit) {
        return Uni.createFrom().deferred(() -> {
            int size = Page.limit(limit);
            Page.TimeAndId before = Page.timeAndId(cursor, Page.TimeAndId.NEWEST);
            return pool.preparedQuery(PAYMENTS)
                    .execute(Tuple.of(customerId, before.time(), before.id(), size + 1L))
                    .map(rows -> {
                        List<Row> fetched = new ArrayList<>();
                        rows.forEach(fetched::add);
                        Page<Row> page = Page.of(fetched, size, row -> new Page.TimeAndId(
                                row.getOffsetDateTime("paid_at"), row.getLong("id")).parts());
                        return new Page<>(page.items().stream().map(BillingService::payment).toList(), page.nextCursor());
                    });
        });
    }

    private Uni<Optional<BillDetail>> detail(String sql, Tuple arguments) {
        LocalDate today = LocalDate.now(clock);
        return tariffs.all().flatMap(plans -> pool.preparedQuery(sql).execute(arguments)
                .map(rows -> first(rows).map(row -> detail(row, plan(plans, row), today))));
    }

    private static BillSummary summary(Row row, Map<String, TariffPlan> plans, LocalDate today) {
        LocalDate due = row.getLocalDate("due_date");
        String stored = row.getString("status");
        BigDecimal total = row.getBigDecimal("total_amount");
        BigDecimal paid = row.getBigDecimal("paid_amount");
        long unpaidFen = unpaidFen(stored, total, paid);
        long lateFee = BillCalculator.lateFeeFen(plan(plans, row), unpaidFen, due, today);
        return new BillSummary(period(row), row.getBigDecimal("kwh_total"), total, row.getLocalDate("issued_on"), due,
                status(stored, unpaidFen, due, today), paid, Amounts.yuan(unpaidFen), Amounts.yuan(lateFee));
    }

    private static BillDetail detail(Row row, TariffPlan plan, LocalDate today) {
        LocalDate due = row.getLocalDate("due_date");
        String stored = row.getString("status");
        BigDecimal total = row.getBigDecimal("total_amount");
        BigDecimal paid = row.getBigDecimal("paid_amount");
        long unpaidFen = unpaidFen(stored, total, paid);
        long lateFee = BillCalculator.lateFeeFen(plan, unpaidFen, due, today);
        return new BillDetail(period(row), row.getString("tariff_code"), row.getString("tariff_name"),
                row.getBigDecimal("kwh_total"), items(row, plan), row.getBigDecimal("energy_amount"),
                row.getBigDecimal("demand_amount"), row.getBigDecimal("surcharge_amount"), total,
                row.getLocalDate("issued_on"), due, status(stored, unpaidFen, due, today), paid,
                row.getBigDecimal("late_fee_paid"), row.getOffsetDateTime("settled_at"), Amounts.yuan(unpaidFen),
                Amounts.yuan(lateFee), Amounts.yuan(unpaidFen + lateFee));
    }

    /**
     * The bill's lines. Stored tier amounts are used as billed; per-period time-of-use amounts are not stored, so they
     * are priced again with the tariff and shown only when they add up to the billed energy amount (a tariff edited
     * since would not): otherwise one ENERGY line carries it.
     */
    static List<BillDetail.BillItem> items(Row row, TariffPlan plan) {
        List<BillDetail.BillItem> items = new ArrayList<>();
        BigDecimal energy = row.getBigDecimal("energy_amount");
        BigDecimal kwh = row.getBigDecimal("kwh_total");
        Month month = row.getLocalDate("period").getMonth();
        if (row.getBigDecimal("tier1_kwh") != null) {
            List<TariffPlan.Tier> tiers = plan.pricing() == TariffPlan.Pricing.TIERED ? plan.tiersFor(month) : List.of();
            for (int i = 1; i <= 3; i++) {
                BigDecimal tierKwh = row.getBigDecimal("tier" + i + "_kwh");
                BigDecimal amount = row.getBigDecimal("tier" + i + "_amount");
                if (tierKwh != null && tierKwh.signum() > 0 || i == 1) {
                    BigDecimal price = i <= tiers.size() ? Amounts.pricePerKwh(plan.energyPrice() + tiers.get(i - 1).markup()) : null;
                    items.add(new BillDetail.BillItem("TIER_" + i, tierKwh, price, amount));
                }
            }
        } else if (row.getBigDecimal("peak_kwh") != null && timeOfUse(plan)) {
            long[] tou = { Amounts.centiKwh(row.getBigDecimal("peak_kwh")), Amounts.centiKwh(row.getBigDecimal("flat_kwh")),
                    Amounts.centiKwh(row.getBigDecimal("valley_kwh")) };
            long[] fen = new long[3];
            for (int i = 0; i < 3; i++) {
                long[] only = new long[3];
                only[i] = tou[i];
                fen[i] = BillCalculator.price(plan, month, 0, only, 0).energyFen();
            }
            if (fen[0] + fen[1] + fen[2] == Amounts.fen(energy)) {
                items.add(new BillDetail.BillItem("PEAK", Amounts.kwh(tou[0]),
                        Amounts.pricePerKwh(plan.energyPrice(), plan.peakRatioMilli()), Amounts.yuan(fen[0])));
                items.add(new BillDetail.BillItem("FLAT", Amounts.kwh(tou[1]), Amounts.pricePerKwh(plan.energyPrice()),
                        Amounts.yuan(fen[1])));
                items.add(new BillDetail.BillItem("VALLEY", Amounts.kwh(tou[2]),
                        Amounts.pricePerKwh(plan.energyPrice(), plan.valleyRatioMilli()), Amounts.yuan(fen[2])));
            } else {
                items.add(new BillDetail.BillItem("ENERGY", kwh, null, energy));
            }
        } else {
            BigDecimal price = plan.pricing() == TariffPlan.Pricing.FLAT ? Amounts.pricePerKwh(plan.energyPrice()) : null;
            items.add(new BillDetail.BillItem("ENERGY", kwh, price, energy));
        }
        BigDecimal demand = row.getBigDecimal("demand_amount");
        if (demand.signum() > 0) {
            items.add(new BillDetail.BillItem("DEMAND", null, null, demand));
        }
        BigDecimal surcharge = row.getBigDecimal("surcharge_amount");
        if (surcharge.signum() > 0) {
            items.add(new BillDetail.BillItem("SURCHARGE", kwh, Amounts.pricePerKwh(plan.surchargePrice()), surcharge));
        }
        return items;
    }

    private static boolean timeOfUse(TariffPlan plan) {
        return plan.pricing() == TariffPlan.Pricing.TIME_OF_USE || plan.pricing() == TariffPlan.Pricing.TWO_PART;
    }

    /** The derived status: an open bill past its due date is OVERDUE. */
    static String status(String stored, long unpaidFen, LocalDate due, LocalDate today) {
        return unpaidFen > 0 && today.isAfter(due) ? "OVERDUE" : stored;
    }

    private static long unpaidFen(String status, BigDecimal total, BigDecimal paid) {
        return "PAID".equals(status) ? 0 : Math.max(0, Amounts.fen(total) - Amounts.fen(paid));
    }

    private static PaymentRecord payment(Row row) {
        LocalDate period = row.getLocalDate("period");
        return new PaymentRecord(row.getString("payment_ref"), row.getBigDecimal("amount"), row.getBigDecimal("late_fee"),
                row.getOffsetDateTime("paid_at"), row.getString("channel_code"), row.getString("channel_name"),
                period == null ? null : YearMonth.from(period).toString());
    }

    private static TariffPlan plan(Map<String, TariffPlan> plans, Row row) {
        return plans.get(row.getString("tariff_code"));
    }

    private static String period(Row row) {
        return YearMonth.from(row.getLocalDate("period")).toString();
    }

    private static LocalDate periodStart(String period) {
        try {
            return YearMonth.parse(period).atDay(1);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("invalid cursor");
        }
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
