package com.gridcare.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.common.HmacSignatures;
import com.gridcare.common.TimeZoneConfig;
import com.gridcare.dataset.TestUtility;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The planner through its endpoints: test customers' bills coming due get one decision each and their messages in the
 * outbox; planning again adds nothing; a refused topic is honoured; once the bills are paid the reminders settle, the
 * contacts get their PAID outcome and the recommender has learned; a decision not to contact is kept (not drawn again)
 * and learned from like a contact; staff read the profile and the summary.
 */
@QuarkusTest
class ReminderPlannerTests {

    private static final String PLANS = "/api/v1/staff/reminders/plans";
    private static final long LARGE = TestUtility.FIRST_TEST_ID + 501;
    private static final long REFUSING = TestUtility.FIRST_TEST_ID + 502;
    private static final long SMALL = TestUtility.FIRST_TEST_ID + 503;
    private static final String OURS = "(select id from bill where customer_id >= " + TestUtility.FIRST_TEST_ID + ")";
    /** Every decision: contacts and no-contact decisions. */
    private static final String DECISIONS = "(select bill_id, customer_id, step, outcome from reminder union all "
            + "select bill_id, customer_id, step, outcome from reminder_no_contact) m";

    @Inject
    TestUtility utility;

    @Inject
    StaffPasswords passwords;

    @Inject
    TestStaff staff;

    @Inject
    Clock clock;

    @Inject
    TimeZoneConfig timeZone;

    private LocalDate today;
    private Long resident;

    @BeforeEach
    void billsComingDue() throws SQLException {
        utility.ensureGenerated();
        utility.removeTestRows();
        today = LocalDate.now(clock.withZone(timeZone.timeZone()));
        bill(LARGE, "200000.00");
        bill(REFUSING, "200000.00");
        bill(SMALL, "0.50");
        resident = (Long) utility.value("insert into resident (mobile) values ('13900009999') returning id");
        utility.execute("insert into account_binding (resident_id, customer_id) values (?, ?)", resident, REFUSING);
        utility.execute("insert into contact_preference (resident_id, topic, enabled) values (?, 'BILL_REMINDER', false)",
                resident);
    }

    @AfterEach
    void removeRows() throws SQLException {
        utility.removeTestRows();
        utility.execute("delete from contact_preference where resident_id = ?", resident);
        utility.execute("delete from resident where id = ?", resident);
    }

    @Test
    void shouldDecideEachBillOnceWriteTheOutboxAndLearnWhenPaid() throws SQLException {
        SignedInStaff admin = SignedInStaff.admin(staff, passwords);
        admin.given().post(PLANS).then().statusCode(200).body("planned", greaterThan(2));
        assertThat(utility.count("select count(*) from " + DECISIONS + " where step = 'DUE_SOON' and bill_id in "
                + OURS)).isEqualTo(3);
        assertThat(utility.value("select channel_code from reminder where customer_id = ?", LARGE))
                .as("a 200,000-yuan bill is worth a contact").isNotNull();
        assertThat(utility.count("select count(*) from reminder_no_contact where customer_id = ?", REFUSING))
                .as("the resident refused bill reminders").isEqualTo(1);
        assertThat((String) utility.value("select payload->>'text' from outbox_message where customer_id = ?", LARGE))
                .contains("T" + LARGE).contains("200000.00").contains("到期");
        assertThat(utility.count("select count(*) from reminder where channel_code is not null "
                + "and outbox_message_id is null")).isZero();
        long contacted = utility.count("select count(*) from reminder where channel_code is not null and bill_id in "
                + OURS);
        long messages = utility.count("select count(*) from outbox_message where idempotency_key like 'reminder:%'");

        admin.given().post(PLANS).then().statusCode(200).body("planned", equalTo(0));
        assertThat(utility.count("select count(*) from outbox_message where idempotency_key like 'reminder:%'"))
                .isEqualTo(messages);
        agent().given().post(PLANS).then().statusCode(403);

        // the dispatcher sent them; then the bills are paid before their due date
        utility.execute("update outbox_message set status = 'SENT', sent_at = now() "
                + "where idempotency_key like 'reminder:%'");
        // the large bill through the payment provider's callback, as payments arrive; the others as an import would
        String payment = "{\"paymentRef\":\"P" + LARGE + "\",\"accountNo\":\"T" + LARGE + "\",\"period\":\""
                + today.withDayOfMonth(1).minusMonths(1).toString().substring(0, 7) + "\",\"amount\":200000.00,"
                + "\"paidAt\":\"" + java.time.Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\",\"channel\":\"WECHAT_PAY\"}";
        byte[] body = payment.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RestAssured.given().contentType("application/json").body(body)
                .header(HmacSignatures.HEADER, HmacSignatures.sign(ConfigProvider.getConfig()
                        .getValue("gridcare.billing.payment-callback-secret", String.class), body))
                .post("/api/v1/callbacks/payments").then().statusCode(204);
        utility.execute("update bill set status = 'PAID', paid_amount = total_amount, settled_at = now() "
                + "where status <> 'PAID' and id in " + OURS);
        admin.given().post(PLANS).then().statusCode(200).body("settled", greaterThan(2));
        assertThat(utility.count("select count(*) from " + DECISIONS + " where outcome = 'PAID_ON_TIME' and bill_id in "
                + OURS)).isEqualTo(3);
        assertThat(utility.count("select count(*) from contact_outcome where outcome = 'PAID' and customer_id >= ?",
                TestUtility.FIRST_TEST_ID)).isEqualTo(contacted);
        assertThat(utility.count("select count(*) from channel_response_model")).isEqualTo(9);
        assertThat(utility.count("select count(*) from channel_evidence where customer_id = ? and channel_code = 'NONE'",
                LARGE)).isEqualTo(1);
    }

    @Test
    void shouldKeepANoContactDecisionAndLearnFromTheUncontactedBill() throws SQLException {
        SignedInStaff admin = SignedInStaff.admin(staff, passwords);
        admin.given().post(PLANS).then().statusCode(200).body("noContact", greaterThan(1));
        String profile = "/api/v1/staff/customers/{accountNo}/profile";
        var decided = agent().given().get(profile, "T" + SMALL).then().statusCode(200)
                .body("reminders.size()", equalTo(1))
                .body("reminders[0].channel", nullValue())
                .body("reminders[0].expectations.size()", equalTo(1))
                .body("reminders[0].expectations[0].netValue", lessThanOrEqualTo(0f))
                .body("reminders[0].outcome", nullValue())
                .extract().jsonPath();
        agent().given().get(profile, "T" + REFUSING).then().statusCode(200)
                .body("reminders[0].channel", nullValue()).body("reminders[0].expectations.size()", equalTo(0));
        double observations = (Double) utility.value(
                "select observations from channel_response_model where channel_code = 'NONE'");

        // planning again decides nothing again and draws nothing again: the same single decision, as it was
        admin.given().post(PLANS).then().statusCode(200).body("planned", equalTo(0));
        agent().given().get(profile, "T" + SMALL).then().statusCode(200)
                .body("reminders.size()", equalTo(1))
                .body("reminders[0].plannedAt", equalTo(decided.getString("reminders[0].plannedAt")))
                .body("reminders[0].expectations[0].channel",
                        equalTo(decided.getString("reminders[0].expectations[0].channel")))
                .body("reminders[0].expectations[0].upliftDrawn",
                        equalTo(decided.getFloat("reminders[0].expectations[0].upliftDrawn")));

        // the uncontacted bill is paid before its due date: it settles, and the learner takes it as paying on time
        // without a contact, in the customer's own evidence and in the segment model
        utility.execute("update bill set status = 'PAID', paid_amount = total_amount, settled_at = now() "
                + "where customer_id = ?", SMALL);
        admin.given().post(PLANS).then().statusCode(200).body("settled", greaterThan(0));
        agent().given().get(profile, "T" + SMALL).then().statusCode(200)
                .body("reminders[0].outcome", equalTo("PAID_ON_TIME"))
                .body("learned.find { it.channel == 'NONE' }.successes", greaterThan(0f))
                .body("learned.find { it.channel == 'NONE' }.contacts", equalTo(0));
        assertThat((Double) utility.value(
                "select observations from channel_response_model where channel_code = 'NONE'"))
                .isGreaterThan(observations);
        admin.given().get("/api/v1/staff/reminders/summary?by=channel").then().statusCode(200)
                .body("find { it.group == 'NONE' }.paidOnTime", greaterThan(0));
    }

    @Test
    void shouldShowStaffTheProfileAndTheSummary() throws SQLException {
        SignedInStaff admin = SignedInStaff.admin(staff, passwords);
        admin.given().post(PLANS).then().statusCode(200);

        agent().given().get("/api/v1/staff/customers/{accountNo}/profile", "T" + LARGE).then().statusCode(200)
                .body("accountNo", equalTo("T" + LARGE)).body("reminders[0].step", equalTo("DUE_SOON"))
                .body("reminders[0].channel", notNullValue())
                .body("reminders[0].expectations.size()", greaterThan(0))
                .body("reminders[0].expectations[0].netValue", greaterThan(0f));
        agent().given().get("/api/v1/staff/customers/{accountNo}/profile", "T" + REFUSING).then().statusCode(200)
                .body("reminders[0].channel", nullValue());
        agent().given().get("/api/v1/staff/customers/{accountNo}/profile", "NOSUCH0001").then().statusCode(404);
        String page = RestAssured.given().cookie("gridcare_staff", agent().accessToken())
                .get("/console/customers/{accountNo}", "T" + LARGE).then().statusCode(200).extract().asString();
        assertThat(page).contains("户号 T" + LARGE).contains("DUE_SOON").contains("各渠道预期净收益");

        admin.given().get("/api/v1/staff/reminders/summary?by=channel").then().statusCode(200)
                .body("group", hasItem("NONE"));
        admin.given().get("/api/v1/staff/reminders/summary?by=tier").then().statusCode(200);
        admin.given().get("/api/v1/staff/reminders/summary?by=weather").then().statusCode(400);
        admin.given().get("/api/v1/staff/reminders/summary?from=yesterday").then().statusCode(400);
        agent().given().get("/api/v1/staff/reminders/summary").then().statusCode(403);
    }

    @Test
    void shouldOfferAPaymentChannelByTheWayTheCustomerLastPaid() throws SQLException {
        // an older bill of the small customer is long in arrears: a staff visit is planned, with an offer of a way
        // that pays by itself, as they paid last at a bank counter (an earlier payment by WeChat Pay does not count)
        long arrears = SMALL + 50;
        LocalDate period = today.withDayOfMonth(1).minusMonths(3);
        utility.execute("""
                insert into bill (id, customer_id, period, tariff_code, kwh_total, energy_amount, total_amount,
                                  issued_on, due_date, status)
                values (?, ?, ?, 'RES_TIERED', 100, 80.00, 80.00, ?, ?, 'UNPAID')""", arrears, SMALL, period,
                today.minusDays(60), today.minusDays(50));
        utility.execute("""
                insert into payment (payment_ref, customer_id, amount, paid_at, channel_code)
                values (?, ?, 20.00, now() - interval '40 days', 'WECHAT_PAY')""", "W" + SMALL, SMALL);
        String payment = "{\"paymentRef\":\"B" + SMALL + "\",\"accountNo\":\"T" + SMALL + "\",\"period\":\""
                + period.toString().substring(0, 7) + "\",\"amount\":10.00,\"paidAt\":\""
                + java.time.Instant.now(clock).minusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "\",\"channel\":\"BANK_COUNTER\"}";
        byte[] body = payment.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RestAssured.given().contentType("application/json").body(body)
                .header(HmacSignatures.HEADER, HmacSignatures.sign(ConfigProvider.getConfig()
                        .getValue("gridcare.billing.payment-callback-secret", String.class), body))
                .post("/api/v1/callbacks/payments").then().statusCode(204);

        SignedInStaff.admin(staff, passwords).given().post(PLANS).then().statusCode(200);
        assertThat(utility.value("select channel_code || ' ' || payment_offer from reminder where bill_id = ? "
                + "and step = 'ARREARS'", arrears)).isEqualTo("STAFF_VISIT AUTO_DEBIT_ICBC");
        assertThat((String) utility.value("select payload->>'text' from outbox_message where idempotency_key = ?",
                "reminder:" + arrears + ":ARREARS")).contains("银行代扣");
    }

    private void bill(long customerId, String amount) throws SQLException {
        utility.customer(customerId, "RES_TIERED", "SMART");
        utility.execute("update customer set mobile = ? where id = ?", "1390000" + (customerId % 10_000), customerId);
        LocalDate period = today.withDayOfMonth(1).minusMonths(1);
        utility.execute("""
                insert into bill (id, customer_id, period, tariff_code, kwh_total, energy_amount, total_amount,
                                  issued_on, due_date, status)
                values (?, ?, ?, 'RES_TIERED', 100, ?, ?, ?, ?, 'UNPAID')""", customerId, customerId, period,
                new BigDecimal(amount), new BigDecimal(amount), today.minusDays(10), today.plusDays(2));
    }

    private SignedInStaff agent() throws SQLException {
        return SignedInStaff.signIn(passwords,
                (String) utility.value("select staff_no from staff where role = 'AGENT' order by id limit 1"));
    }
}
