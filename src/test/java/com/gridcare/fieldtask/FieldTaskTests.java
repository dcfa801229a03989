package com.gridcare.fieldtask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.dataset.TestUtility;
import com.gridcare.notify.ChannelFixture;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Agent calls and staff visits: the outbox makes a task in the queue of the customer's own grid service staff, who
 * see it in the API and the console and close it with what came of it; others do not see it.
 */
@QuarkusTest
class FieldTaskTests {

    private static final int OWNER = (int) TestUtility.FIRST_TEST_ID + 60;
    private static final int OTHER_AGENT = (int) TestUtility.FIRST_TEST_ID + 61;
    private static final int SUPERVISOR = (int) TestUtility.FIRST_TEST_ID + 62;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    ChannelFixture fixture;

    @Inject
    TestUtility utility;

    @Inject
    TestStaff staff;

    @Inject
    StaffPasswords passwords;

    private SignedInStaff owner;
    private SignedInStaff otherAgent;
    private SignedInStaff supervisor;

    @BeforeEach
    void cast() throws Exception {
        utility.ensureGenerated();
        utility.removeTestRows();
        // the owner's area is in district 1, the other agent's in district 2
        owner = SignedInStaff.signIn(passwords, staff.ensure(OWNER, "AGENT", 1, true));
        otherAgent = SignedInStaff.signIn(passwords, staff.ensure(OTHER_AGENT, "AGENT", 2, true));
        supervisor = SignedInStaff.signIn(passwords, staff.ensure(SUPERVISOR, "SUPERVISOR", 1, false));
    }

    @AfterEach
    void clean() throws Exception {
        utility.removeTestRows();
    }

    @Test
    void shouldQueueAnAgentCallWithTheCustomersOwnStaffAndRecordWhatTheyFound() throws Exception {
        long customer = fixture.customer(OWNER);
        String key = fixture.remind(fixture.resident(SignedInResident.newMobile()), customer, "AGENT_CALL");

        assertThat(fixture.dispatch()).isEqualTo(1);
        assertThat(fixture.row(key)).startsWith("SENT", "AGENT_CALL");
        assertThat(fixture.outcomes(key)).as("a task made is not a contact made").isEmpty();

        JsonPath mine = owner.given().get("/api/v1/staff/tasks").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("items.accountNo")).containsExactly("T" + customer);
        assertThat(mine.getString("items[0].kind")).isEqualTo("AGENT_CALL");
        assertThat(mine.getString("items[0].mobile")).as("the owner must call").isEqualTo("13912345678");
        assertThat(mine.getString("items[0].assignedStaffNo")).isEqualTo(owner.staffNo());
        long task = mine.getLong("items[0].id");
        assertThat(otherAgent.given().get("/api/v1/staff/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).doesNotContain((int) task);
        assertThat(supervisor.given().get("/api/v1/staff/tasks").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.id == " + task + " }.mobile")).as("masked for others")
                .isEqualTo("139****5678");

        close(otherAgent, task, "{\"outcome\":\"REACHED\"}").statusCode(404);
        close(owner, task, "{\"outcome\":\"SOMETHING\"}").statusCode(400);
        close(owner, task, "{}").statusCode(400);
        close(owner, task, "{\"outcome\":\"REACHED\",\"note\":\"" + "长".repeat(1001) + "\"}").statusCode(400);
        assertThat(fixture.outcomes(key)).as("nothing refused is recorded").isEmpty();

        close(owner, task, "{\"outcome\":\"PROMISED_TO_PAY\",\"note\":\"月底前缴清\"}").statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("PROMISED_TO_PAY"))
                .body("closedByNo", equalTo(owner.staffNo()));
        assertThat(fixture.outcomes(key)).containsExactly("AGENT_CALL PROMISED_TO_PAY");
        close(supervisor, task, "{\"outcome\":\"PAID\"}").statusCode(409);
        assertThat(fixture.outcomes(key)).containsExactly("AGENT_CALL PROMISED_TO_PAY");
        assertThat(utility.count("select count(*) from staff_audit_log where action = 'CLOSE_TASK' and subject = ?",
                "task:" + task)).isEqualTo(1);
        assertThat(owner.given().get("/api/v1/staff/tasks?status=CLOSED").then().statusCode(200).extract()
                .jsonPath().getList("items.id")).contains((int) task);
    }

    @Test
    void shouldGiveAVisitToTheSupervisorWhenTheCustomerHasNoOwnStaff() throws Exception {
        utility.execute("update staff set active = false where id = ?", OWNER);
        try {
            long customer = fixture.customer(OWNER);
            fixture.remind(fixture.resident(SignedInResident.newMobile()), customer, "STAFF_VISIT");
            fixture.dispatch();

            JsonPath queue = supervisor.given().get("/api/v1/staff/tasks").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(queue.getList("items.accountNo")).contains("T" + customer);
            assertThat(utility.value("select assigned_staff_id from field_task where customer_id = ?", customer))
                    .isNull();
        } finally {
            utility.execute("update staff set active = true where id = ?", OWNER);
        }
    }

    @Test
    void shouldFallBackToTheInboxWithoutACustomerAccount() throws Exception {
        String key = fixture.remind(fixture.resident(SignedInResident.newMobile()), null, "STAFF_VISIT");

        fixture.dispatch();

        assertThat(fixture.row(key)).startsWith("SENT", "APP_PUSH", "staff_visit: no customer account");
        assertThat(utility.count("select count(*) from field_task")).isZero();
    }

    @Test
    void shouldListAndCloseTasksInTheConsole() throws Exception {
        long customer = fixture.customer(OWNER);
        String key = fixture.remind(fixture.resident(SignedInResident.newMobile()), customer, "STAFF_VISIT");
        fixture.dispatch();
        long task = (Long) utility.value("select id from field_task where customer_id = ?", customer);

        String page = console(owner).get("/console/tasks").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("T" + customer))
                .body(containsString("王测试")).body(containsString("电费缴费提醒")).extract().asString();
        console(otherAgent).get("/console/tasks").then().statusCode(200).body(not(containsString("T" + customer)));
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();

        form(owner).formParam("csrf", "forged").formParam("outcome", "REACHED")
                .post("/console/tasks/" + task + "/close").then().statusCode(403);
        form(owner).formParam("csrf", csrf.group(1)).formParam("outcome", "MAYBE")
                .post("/console/tasks/" + task + "/close").then().statusCode(303)
                .header("Location", endsWith("/console/tasks?problem=invalid-outcome"));
        assertThat(fixture.outcomes(key)).isEmpty();

        form(owner).formParam("csrf", csrf.group(1)).formParam("outcome", "NOT_REACHED").formParam("note", "家中无人")
                .post("/console/tasks/" + task + "/close").then().statusCode(303)
                .header("Location", endsWith("/console/tasks"));
        assertThat(fixture.outcomes(key)).containsExactly("STAFF_VISIT NOT_REACHED");
        console(owner).get("/console/tasks?closed=true").then().statusCode(200).body(containsString("家中无人"));
        console(owner).get("/console/tasks").then().statusCode(200).body(not(containsString("T" + customer)));
    }

    private static ValidatableResponse close(SignedInStaff who, long task, String body) {
        return who.given().contentType(ContentType.JSON).body(body).post("/api/v1/staff/tasks/" + task + "/close")
                .then();
    }

    private static RequestSpecification console(SignedInStaff who) {
        return RestAssured.given().cookie("gridcare_staff", who.accessToken());
    }

    private static RequestSpecification form(SignedInStaff who) {
        return console(who).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }
}
