package com.gridcare.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.MutableClock;
import com.gridcare.common.Page;
import com.gridcare.dataset.TestUtility;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BillingServiceTests {

    private static final long CUSTOMER = TestUtility.FIRST_TEST_ID + 11;

    @Inject
    BillingService billing;

    @Inject
    TestUtility utility;

    @Inject
    MutableClock clock;

    @BeforeEach
    void generatedUtilityOnItsAsOfDay() throws Exception {
        utility.ensureGenerated();
        clock.setLocal(TestUtility.NOW);
    }

    @AfterEach
    void cleanUp() throws Exception {
        utility.removeTestRows();
        clock.reset();
    }

    @Test
    void shouldPageThroughBillsNewestFirst() throws Exception {
        long customer = utility.count(
                "select min(customer_id) from (select customer_id from bill group by 1 having count(*) = 12) c");

        Page<BillSummary> first = billing.bills(customer, null, 5).await().indefinitely();
        Page<BillSummary> second = billing.bills(customer, first.nextCursor(), 5).await().indefinitely();
        Page<BillSummary> third = billing.bills(customer, second.nextCursor(), 5).await().indefinitely();

        assertThat(first.items()).extracting(BillSummary::period)
                .containsExactly("2026-10", "2026-09", "2026-08", "2026-07", "2026-06");
        assertThat(second.items()).extracting(BillSummary::period)
                .containsExactly("2026-05", "2026-04", "2026-03", "2026-02", "2026-01");
        assertThat(third.items()).extracting(BillSummary::period).containsExactly("2025-12", "2025-11");
        assertThat(third.nextCursor()).isNull();
        var october = first.items().get(0);
        assertThat(october.totalAmount()).isEqualByComparingTo(utility.decimal(
                "select total_amount from bill where customer_id = ? and period = date '2026-10-01'", customer));
        assertThat(october.dueDate()).isEqualTo(LocalDate.of(2026, 11, 20));

        Page<BillSummary> byDefault = billing.bills(customer, null, null).await().indefinitely();
        assertThat(byDefault.items()).hasSize(12);
        assertThat(byDefault.nextCursor()).isNull();
    }

    @Test
    void shouldRefuseLimitsOutsideOneToFiftyAndForeignCursors() {
        assertThatThrownBy(() -> billing.bills(1, null, 0).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> billing.bills(1, null, 51).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> billing.bills(1, "not-a-cursor!", 5).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> billing.bills(1, Page.encodeCursor("2026-13"), 5).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> billing.payments(1, Page.encodeCursor("yesterday", "1"), 5).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class);
        assertThat(billing.bills(1, null, 50).await().indefinitely().items()).isNotEmpty();
    }

    @Test
    void shouldItemiseEveryKindOfBillSoThatTheLinesAddUpToTheTotal() throws Exception {
        List<Object[]> bills = utility.rows("""
                select distinct on (tariff_code) customer_id, period, tariff_code from bill
                 where tier2_kwh > 0 or tariff_code <> 'RES_TIERED'
                 order by tariff_code, customer_id, period""");
        assertThat(bills).hasSizeGreaterThanOrEqualTo(4);

        for (Object[] row : bills) {
            long customer = (Long) row[0];
            YearMonth period = YearMonth.from(((java.sql.Date) row[1]).toLocalDate());
            String tariff = (String) row[2];

            BillDetail bill = billing.bill(customer, period).await().indefinitely().orElseThrow();

            assertThat(bill.items().stream().map(BillDetail.BillItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(tariff).isEqualByComparingTo(bill.totalAmount());
            var codes = bill.items().stream().map(BillDetail.BillItem::code).toList();
            switch (tariff) {
                case "RES_TIERED" -> assertThat(codes).startsWith("TIER_1", "TIER_2");
                case "COMMERCIAL_LV" -> assertThat(codes).containsExactly("ENERGY", "SURCHARGE");
                case "LARGE_INDUSTRIAL" -> assertThat(codes).containsExactly("PEAK", "FLAT", "VALLEY", "DEMAND", "SURCHARGE");
                case "COMMERCIAL_HV" -> assertThat(codes).containsExactly("PEAK", "FLAT", "VALLEY", "SURCHARGE");
                default -> assertThat(codes).as(tariff).containsExactly("PEAK", "FLAT", "VALLEY");
            }
            assertThat(bill.tariffName()).isNotBlank();
            if (tariff.equals("RES_TIERED")) {
                assertThat(bill.items().get(1).unitPrice()).isEqualByComparingTo("0.6380");
            }
        }
    }

    @Test
    void shouldFindNoBillForAPeriodNeverBilled() throws Exception {
        long customer = utility.count("select min(customer_id) from bill");

        assertThat(billing.bill(customer, YearMonth.of(2026, 11)).await().indefinitely()).isEmpty();
        assertThat(billing.latestBill(customer).await().indefinitely()).hasValueSatisfying(
                bill -> assertThat(bill.period()).isEqualTo("2026-10"));
        utility.customer(CUSTOMER, "RES_TIERED", "CLASSIC");
        assertThat(billing.latestBill(CUSTOMER).await().indefinitely()).isEmpty();
    }

    @Test
    void shouldTurnAnUnpaidBillOverdueAfterItsDueDateAndAccrueTheLateFee() throws Exception {
        utility.customer(CUSTOMER, "RES_TIERED", "CLASSIC");
        bill(CUSTOMER, "2026-09", "100.00", "0.00", "2026-10-20");

        clock.setLocal(LocalDate.of(2026, 10, 20).atTime(23, 0));
        BillSummary onTheDueDate = billing.bills(CUSTOMER, null, null).await().indefinitely().items().get(0);
        assertThat(onTheDueDate.status()).isEqualTo("UNPAID");
        assertThat(onTheDueDate.lateFeeAccrued()).isEqualByComparingTo("0");

        clock.setLocal(LocalDate.of(2026, 10, 30).atTime(9, 0));
        BillSummary tenDaysLate = billing.bills(CUSTOMER, null, null).await().indefinitely().items().get(0);
        assertThat(tenDaysLate.status()).isEqualTo("OVERDUE");
        assertThat(tenDaysLate.lateFeeAccrued()).isEqualByComparingTo("1.00"); // 0.1 % a day for 10 days
        BillDetail detail = billing.bill(CUSTOMER, YearMonth.of(2026, 9)).await().indefinitely().orElseThrow();
        assertThat(detail.lateFeeAccrued()).isEqualByComparingTo("1.00");
        assertThat(detail.amountDueNow()).isEqualByComparingTo("101.00");

        utility.execute("update bill set paid_amount = 40, status = 'PARTIALLY_PAID' where customer_id = ?", CUSTOMER);
        BillSummary partly = billing.bills(CUSTOMER, null, null).await().indefinitely().items().get(0);
        assertThat(partly.status()).isEqualTo("OVERDUE");
        assertThat(partly.outstanding()).isEqualByComparingTo("60.00");
        assertThat(partly.lateFeeAccrued()).isEqualByComparingTo("0.60");

        utility.execute("update bill set paid_amount = 100, late_fee_paid = 1, status = 'PAID' where customer_id = ?", CUSTOMER);
        BillSummary paid = billing.bills(CUSTOMER, null, null).await().indefinitely().items().get(0);
        assertThat(paid.status()).isEqualTo("PAID");
        assertThat(paid.lateFeeAccrued()).isEqualByComparingTo("0");
    }

    @Test
    void shouldChargeTheCrossYearRateForDaysInALaterYear() throws Exception {
        utility.customer(CUSTOMER, "COMMERCIAL_LV", "CLASSIC");
        bill(CUSTOMER, "2026-09", "100.00", "0.00", "2026-10-20");
        clock.setLocal(LocalDate.of(2027, 1, 10).atTime(9, 0));

        BillSummary bill = billing.bills(CUSTOMER, null, null).await().indefinitely().items().get(0);

        // 72 days of 2026 at 0.2 % and 10 days of 2027 at 0.3 %
        assertThat(bill.lateFeeAccrued()).isEqualByComparingTo("17.40");
    }

    @Test
    void shouldSumOpenBillsAndTheirLateFeesIntoTheArrears() throws Exception {
        utility.customer(CUSTOMER, "RES_TIERED", "CLASSIC");
        bill(CUSTOMER, "2026-07", "70.00", "70.00", "2026-08-20");
        bill(CUSTOMER, "2026-08", "100.00", "0.00", "2026-09-20");
        bill(CUSTOMER, "2026-09", "80.00", "30.00", "2026-10-20");
        bill(CUSTOMER, "2026-10", "50.00", "0.00", "2026-11-20");

        Arrears arrears = billing.arrears(CUSTOMER).await().indefinitely();

        assertThat(arrears.openBills()).isEqualTo(3);
        assertThat(arrears.overdueBills()).isEqualTo(3);
        assertThat(arrears.outstanding()).isEqualByComparingTo("200.00");
        assertThat(arrears.oldestDueDate()).isEqualTo(LocalDate.of(2026, 9, 20));
        // 100 × 67 days + 50 × 37 days + 50 × 6 days, at 0.1 % a day
        assertThat(arrears.lateFeeAccrued()).isEqualByComparingTo("8.85");
        assertThat(arrears.totalToPayNow()).isEqualByComparingTo("208.85");

        clock.setLocal(LocalDate.of(2026, 11, 15).atTime(9, 0));
        Arrears beforeTheLastDueDate = billing.arrears(CUSTOMER).await().indefinitely();
        assertThat(beforeTheLastDueDate.openBills()).isEqualTo(3);
        assertThat(beforeTheLastDueDate.overdueBills()).isEqualTo(2);
        assertThat(beforeTheLastDueDate.overdueAmount()).isEqualByComparingTo("150.00");
    }

    @Test
    void shouldComputeArrearsOfGeneratedCustomersAsSqlDoes() throws Exception {
        List<Object[]> debtors = utility.rows("""
                select customer_id from bill where status <> 'PAID'
                 group by customer_id order by count(*) desc, customer_id limit 5""");
        assertThat(debtors).isNotEmpty();

        for (Object[] debtor : debtors) {
            long customer = (Long) debtor[0];
            Object[] expected = utility.rows("""
                    select count(*), sum(b.total_amount - b.paid_amount), min(b.due_date),
                           sum(least(b.total_amount - b.paid_amount, round((b.total_amount - b.paid_amount) * (
                               greatest(least(date '2026-11-26', make_date(extract(year from b.due_date)::int, 12, 31))
                                        - b.due_date, 0) * p.late_fee_daily_rate
                             + greatest(date '2026-11-26' - make_date(extract(year from b.due_date)::int, 12, 31), 0)
                                        * p.late_fee_cross_year_daily_rate), 2)))
                      from bill b join tariff_plan p on p.code = b.tariff_code
                     where b.customer_id = ? and b.status <> 'PAID'""", customer).get(0);

            Arrears arrears = billing.arrears(customer).await().indefinitely();

            assertThat((long) arrears.openBills()).isEqualTo(expected[0]);
            assertThat(arrears.outstanding()).isEqualByComparingTo((BigDecimal) expected[1]);
            assertThat(arrears.oldestDueDate()).isEqualTo(((java.sql.Date) expected[2]).toLocalDate());
            assertThat(arrears.lateFeeAccrued()).isEqualByComparingTo((BigDecimal) expected[3]);
            assertThat(arrears.totalToPayNow()).isEqualByComparingTo(((BigDecimal) expected[1]).add((BigDecimal) expected[3]));
        }
    }

    @Test
    void shouldListPaymentsNewestFirstWithChannelNamesAndBillPeriods() throws Exception {
        long customer = utility.count("""
                select customer_id from payment where bill_id is not null
                 group by customer_id order by count(*) desc, customer_id limit 1""");
        List<String> expected = new ArrayList<>();
        for (Object[] row : utility.rows("""
                select p.payment_ref, c.name, to_char(b.period, 'YYYY-MM'), p.amount
                  from payment p join payment_channel c on c.code = p.channel_code left join bill b on b.id = p.bill_id
                 where p.customer_id = ? order by p.paid_at desc, p.id desc""", customer)) {
            expected.add(row[0] + " " + row[1] + " " + row[2] + " " + ((BigDecimal) row[3]).toPlainString());
        }
        assertThat(expected).hasSizeGreaterThan(3);

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<PaymentRecord> page = billing.payments(customer, cursor, 3).await().indefinitely();
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            page.items().forEach(p -> listed.add(p.reference() + " " + p.channelName() + " " + p.billPeriod() + " "
                    + p.amount().toPlainString()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(listed).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldShowPrepaidTopUpsWithoutABill() throws Exception {
        long customer = utility.count("select min(customer_id) from payment where bill_id is null");

        var payments = billing.payments(customer, null, 50).await().indefinitely().items();

        assertThat(payments).isNotEmpty().allSatisfy(payment -> {
            assertThat(payment.billPeriod()).isNull();
            assertThat(payment.channelName()).isNotBlank();
        });
    }

    private void bill(long customer, String period, String total, String paid, String due) throws Exception {
        BigDecimal totalAmount = new BigDecimal(total);
        BigDecimal paidAmount = new BigDecimal(paid);
        String status = paidAmount.compareTo(totalAmount) >= 0 ? "PAID" : paidAmount.signum() > 0 ? "PARTIALLY_PAID" : "UNPAID";
        LocalDate start = YearMonth.parse(period).atDay(1);
        String tariff = (String) utility.value("select tariff_code from customer where id = ?", customer);
        utility.execute("""
                insert into bill (id, customer_id, period, tariff_code, kwh_total, energy_amount, total_amount, issued_on,
                                  due_date, status, paid_amount)
                values (?, ?, ?, ?, 100, ?, ?, ?, ?, ?, ?)""",
                TestUtility.FIRST_TEST_ID + start.getYear() * 12L + start.getMonthValue(), customer, start, tariff,
                totalAmount, totalAmount, start.plusMonths(1).plusDays(2), LocalDate.parse(due), status, paidAmount);
    }
}
