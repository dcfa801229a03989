package com.gridcare.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.common.HmacSignatures;
import com.gridcare.dataset.TestUtility;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The payment provider's signed callback: a payment is recorded once and applied to its bill by billing's one rule,
 * with the late fee the tariff accrued on it; every refusal changes nothing.
 */
@QuarkusTest
class PaymentCallbackTests {

    private static final AtomicLong NEXT_CUSTOMER = new AtomicLong(TestUtility.FIRST_TEST_ID + 9_100);

    @Inject
    TestUtility utility;

    private long customer;
    private String accountNo;

    @BeforeEach
    void customerWithABill() throws Exception {
        utility.removeTestRows();
        customer = utility.customer(NEXT_CUSTOMER.incrementAndGet(), "RES_TIERED", "SMART");
        accountNo = "T" + customer;
        // 200.00 CNY for October 2026, due on 20 November
        utility.execute("""
                insert into bill (id, customer_id, period, tariff_code, kwh_total, energy_amount, total_amount, issued_on,
                                  due_date, status, paid_amount)
                values (?, ?, date '2026-10-01', 'RES_TIERED', 300, 200.00, 200.00, date '2026-11-03',
                        date '2026-11-20', 'UNPAID', 0)""", customer, customer);
    }

    @AfterEach
    void clean() throws Exception {
        utility.removeTestRows();
    }

    @Test
    void shouldApplyAPartPaymentAndThenTheRestWithItsLateFee() throws Exception {
        String early = payment("PAY-" + customer + "-1", accountNo, "2026-10", "50.00", "2026-11-15T02:00:00Z",
                "WECHAT_PAY");
        pay(early, sign(early)).statusCode(204);

        assertThat(bill()).containsExactly("PARTIALLY_PAID", new BigDecimal("50.00"), new BigDecimal("0.00"), null);
        assertThat(utility.rows("select amount, late_fee, channel_code, bill_id from payment where payment_ref = ?",
                "PAY-" + customer + "-1")).containsExactly(new Object[] { new BigDecimal("50.00"),
                        new BigDecimal("0.00"), "WECHAT_PAY", customer });

        // five days late in the utility's time zone: 150.00 × 0.1 % × 5 = 0.75
        String late = payment("PAY-" + customer + "-2", accountNo, "2026-10", "150.00", "2026-11-25T02:00:00Z",
                "BANK_COUNTER");
        pay(late, sign(late)).statusCode(204);

        assertThat(bill()).containsExactly("PAID", new BigDecimal("200.00"), new BigDecimal("0.75"),
                Timestamp.from(Instant.parse("2026-11-25T02:00:00Z")));
        assertThat(utility.decimal("select late_fee from payment where payment_ref = ?", "PAY-" + customer + "-2"))
                .isEqualByComparingTo("0.75");
    }

    @Test
    void shouldRecordAPaymentReferenceOnceAndRefuseItsReplay() throws Exception {
        String body = payment("PAY-" + customer + "-R", accountNo, "2026-10", "200.00", "2026-11-10T03:00:00Z",
                "ALIPAY");
        pay(body, sign(body)).statusCode(204);
        Object[] paid = bill();

        pay(body, sign(body)).statusCode(409).contentType("application/problem+json");
        String changed = payment("PAY-" + customer + "-R", accountNo, "2026-10", "20.00", "2026-11-11T03:00:00Z",
                "WECHAT_PAY");
        pay(changed, sign(changed)).statusCode(409);

        assertThat(bill()).as("a replay changes nothing").containsExactly(paid);
        assertThat(paid[0]).isEqualTo("PAID");
        assertThat(utility.count("select count(*) from payment where customer_id = ?", customer)).isEqualTo(1);
    }

    @Test
    void shouldRefuseUnsignedUnknownAndMalformedPaymentsAndChangeNothing() throws Exception {
        String ref = "PAY-" + customer + "-X";
        String good = payment(ref, accountNo, "2026-10", "10.00", "2026-11-10T03:00:00Z", "WECHAT_PAY");

        pay(good, null).statusCode(403).contentType("application/problem+json");
        pay(good, HmacSignatures.sign("not-the-secret", bytes(good))).statusCode(403);
        pay(good, sign(good.replace("10.00", "1.00"))).statusCode(403);

        String unknownAccount = payment(ref, "T0000000", "2026-10", "10.00", "2026-11-10T03:00:00Z", "WECHAT_PAY");
        pay(unknownAccount, sign(unknownAccount)).statusCode(404);
        String noBill = payment(ref, accountNo, "2026-09", "10.00", "2026-11-10T03:00:00Z", "WECHAT_PAY");
        pay(noBill, sign(noBill)).statusCode(404);

        for (String malformed : new String[] {
                payment(ref, accountNo, "2026-10", "0", "2026-11-10T03:00:00Z", "WECHAT_PAY"),
                payment(ref, accountNo, "2026-10", "-5.00", "2026-11-10T03:00:00Z", "WECHAT_PAY"),
                payment(ref, accountNo, "2026-10", "1.234", "2026-11-10T03:00:00Z", "WECHAT_PAY"),
                payment(ref, accountNo, "2026-10", "10.00", "2026-11-10T03:00:00Z", "PIGGY_BANK"),
                payment(ref, accountNo, "2026-13", "10.00", "2026-11-10T03:00:00Z", "WECHAT_PAY"),
                payment(ref, accountNo, "2026-10", "10.00", "last tuesday", "WECHAT_PAY"),
                "{\"paymentRef\":\"" + ref + "\",\"accountNo\":\"" + accountNo + "\",\"period\":\"2026-10\"}",
                "{\"paymentRef\":\"" + ref + "\",\"accountNo\":\"" + accountNo + "\",\"period\":\"2026-10\","
                        + "\"amount\":\"ten\",\"paidAt\":\"2026-11-10T03:00:00Z\",\"channel\":\"WECHAT_PAY\"}",
                "not json", "" }) {
            pay(malformed, sign(malformed)).statusCode(400).contentType("application/problem+json");
        }

        assertThat(utility.count("select count(*) from payment where customer_id = ?", customer)).isZero();
        assertThat(bill()).containsExactly("UNPAID", new BigDecimal("0.00"), new BigDecimal("0.00"), null);
    }

    /** status, paid_amount, late_fee_paid, settled_at of the October bill. */
    private Object[] bill() throws Exception {
        return utility.rows("select status, paid_amount, late_fee_paid, settled_at from bill where customer_id = ? "
                + "and period = ?", customer, LocalDate.of(2026, 10, 1)).get(0);
    }

    private static String payment(String ref, String account, String period, String amount, String paidAt,
            String channel) {
        return "{\"paymentRef\":\"" + ref + "\",\"accountNo\":\"" + account + "\",\"period\":\"" + period
                + "\",\"amount\":" + amount + ",\"paidAt\":\"" + paidAt + "\",\"channel\":\"" + channel + "\"}";
    }

    private static ValidatableResponse pay(String body, String signature) {
        var request = RestAssured.given().contentType(ContentType.JSON).body(bytes(body));
        if (signature != null) {
            request.header(HmacSignatures.HEADER, signature);
        }
        return request.post("/api/v1/callbacks/payments").then();
    }

    private static String sign(String body) {
        return HmacSignatures.sign(ConfigProvider.getConfig().getValue("gridcare.billing.payment-callback-secret",
                String.class), bytes(body));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
