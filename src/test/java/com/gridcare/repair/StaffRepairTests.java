package com.gridcare.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.binding.TestAccounts;
import com.gridcare.dataset.TestUtility;
import com.gridcare.outage.OutageChanged;
import com.gridcare.outage.OutageService;
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
 * The repair workflow as staff work it: the queue scoped by the customer's grid area, steps from the API and the
 * console onto the resident's timeline and inbox, refusals that change nothing, and linked tickets following their
 * outage.
 */
@QuarkusTest
class StaffRepairTests {

    private static final int OWNER = (int) TestUtility.FIRST_TEST_ID + 70;
    private static final int OTHER_AGENT = (int) TestUtility.FIRST_TEST_ID + 71;
    private static final int SUPERVISOR = (int) TestUtility.FIRST_TEST_ID + 72;
    private static final AtomicLong NEXT_CUSTOMER = new AtomicLong(TestUtility.FIRST_TEST_ID + 7_000);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String REPORT = """
            {"description": "整栋楼没电了", "contactPhone": "13812345678"}""";
    private static final String DISPATCH = """
            {"status": "DISPATCHED", "crewName": "城东抢修一班", "crewContact": "13800001111"}""";

    @Inject
    TestUtility utility;

    @Inject
    TestStaff staff;

    @Inject
    StaffPasswords passwords;

    @Inject
    OutageService outages;

    @Inject
    Event<OutageChanged> changed;

    private SignedInStaff owner;
    private SignedInStaff otherAgent;
    private SignedInStaff supervisor;

    @BeforeEach
    void cast() throws Exception {
        utility.ensureGenerated();
        owner = SignedInStaff.signIn(passwords, staff.ensure(OWNER, "AGENT", 1, true));
        otherAgent = SignedInStaff.signIn(passwords, staff.ensure(OTHER_AGENT, "AGENT", 2, true));
        supervisor = SignedInStaff.signIn(passwords, staff.ensure(SUPERVISOR, "SUPERVISOR", 1, false));
    }

    @AfterEach
    void clean() throws Exception {
        utility.removeTestRows();
    }

    @Test
    void shouldDispatchTheTicketOfTheOwnersAreaStepByStepOntoTheResidentsTimeline() throws Exception {
        var account = customer(OWNER, null);
        var resident = SignedInResident.signIn().bind(account);
        String ticketNo = report(resident, account).statusCode(201).extract().path("ticketNo");

        JsonPath queue = owner.given().get("/api/v1/staff/repairs").then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("items.ticketNo")).containsExactly(ticketNo);
        assertThat(queue.getString("items[0].contactPhone")).as("the owner sends the crew").isEqualTo("13812345678");
        assertThat(queue.getList("items[0].nextSteps")).containsExactly("DISPATCHED", "CLOSED");
        assertThat(supervisor.given().get("/api/v1/staff/repairs").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.ticketNo == '" + ticketNo + "' }.contactPhone")).isEqualTo("138****5678");
        assertThat(otherAgent.given().get("/api/v1/staff/repairs").then().statusCode(200).extract().jsonPath()
                .getList("items.ticketNo")).doesNotContain(ticketNo);
        otherAgent.given().get("/api/v1/staff/repairs/" + ticketNo).then().statusCode(404);
        step(otherAgent, ticketNo, DISPATCH).statusCode(404);

        step(owner, ticketNo, DISPATCH).statusCode(200).body("status", equalTo("DISPATCHED"))
                .body("crewName", equalTo("城东抢修一班")).body("crewContact", equalTo("13800001111"));
        step(supervisor, ticketNo, "{\"status\": \"ON_SITE\", \"note\": \"已到配电房\"}").statusCode(200);
        step(owner, ticketNo, "{\"status\": \"RESTORED\", \"note\": \"熔丝已更换\"}").statusCode(200);
        step(owner, ticketNo, "{\"status\": \"CLOSED\"}").statusCode(200).body("nextSteps", equalTo(List.of()));

        resident.given().get("/api/v1/accounts/" + account.accountNo() + "/repairs/" + ticketNo).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("timeline.status", equalTo(List.of("RECEIVED", "DISPATCHED", "ON_SITE", "RESTORED", "CLOSED")))
                .body("timeline[3].note", equalTo("熔丝已更换"));
        JsonPath inbox = resident.given().get("/api/v1/me/inbox").then().statusCode(200).extract().jsonPath();
        assertThat(inbox.getList("items.topic")).containsOnly("REPAIR_PROGRESS").hasSize(5);
        assertThat(inbox.getString("items.find { it.title == '抢修人员已出发' }.text"))
                .contains("城东抢修一班").contains("13800001111");
        assertThat(utility.count("select count(*) from staff_audit_log where action = 'REPAIR_STEP' and subject = ?",
                "repair:" + ticketNo)).isEqualTo(4);
        assertThat(owner.given().get("/api/v1/staff/repairs?status=CLOSED").then().statusCode(200).extract()
                .jsonPath().getList("items.ticketNo")).containsExactly(ticketNo);
    }

    @Test
    void shouldRefuseAStepThatDoesNotFollowAndChangeNothing() throws Exception {
        var account = customer(OWNER, null);
        var resident = SignedInResident.signIn().bind(account);
        String ticketNo = report(resident, account).statusCode(201).extract().path("ticketNo");

        step(owner, ticketNo, "{\"status\": \"ON_SITE\"}").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:gridcare:problem:illegal-transition"))
                .body("detail", containsString("status: a RECEIVED ticket cannot become ON_SITE"));
        step(owner, ticketNo, "{\"status\": \"DISPATCHED\", \"crewContact\": \"13800001111\"}").statusCode(400)
                .body("detail", containsString("crewName"));
        step(owner, ticketNo, "{\"status\": \"DISPATCHED\", \"crewName\": \"一班\"}").statusCode(400)
                .body("detail", containsString("crewContact"));
        step(owner, ticketNo, "{\"status\": \"CLOSED\", \"crewName\": \"一班\"}").statusCode(400)
                .body("detail", containsString("crewName"));
        step(owner, ticketNo, "{\"status\": \"DISPATCHED\", \"crewName\": \"一班\", \"crewContact\": \"12\"}")
                .statusCode(400).body("violations[0].field", equalTo("crewContact"));
        step(owner, ticketNo, "{\"status\": \"FIXED\"}").statusCode(400);
        step(owner, ticketNo, "{}").statusCode(400).body("violations[0].field", equalTo("status"));
        step(owner, ticketNo, "{\"status\": \"LINKED\"}").statusCode(409);
        step(owner, "R0000000000000000", "{\"status\": \"CLOSED\"}").statusCode(404);
        step(owner, "R1", "{\"status\": \"CLOSED\"}").statusCode(400);

        assertThat(utility.value("select status from repair_ticket where ticket_no = ?", ticketNo)).isEqualTo("RECEIVED");
        assertThat(utility.count("select count(*) from repair_ticket_event e join repair_ticket t on t.id = e.ticket_id "
                + "where t.ticket_no = ?", ticketNo)).isEqualTo(1);
        assertThat(utility.count("select count(*) from outbox_message where topic = 'REPAIR_PROGRESS'")).isEqualTo(1);
        assertThat(utility.count("select count(*) from staff_audit_log where action = 'REPAIR_STEP' and subject = ?",
                "repair:" + ticketNo)).isZero();
        resident.given().contentType(ContentType.JSON).body("{\"status\": \"CLOSED\"}")
                .post("/api/v1/staff/repairs/" + ticketNo + "/steps").then().statusCode(403);
    }

    @Test
    void shouldWorkTheTicketFromTheConsole() throws Exception {
        var account = customer(OWNER, null);
        var resident = SignedInResident.signIn().bind(account);
        String ticketNo = report(resident, account).statusCode(201).extract().path("ticketNo");
        String cookie = "gridcare_staff=" + owner.accessToken();

        String queue = console(cookie).get("/console/repairs").then().statusCode(200).extract().asString();
        assertThat(queue).contains("/console/repairs/" + ticketNo).contains("整栋楼没电了");
        String page = console(cookie).get("/console/repairs/" + ticketNo).then().statusCode(200).extract().asString();
        assertThat(page).contains("13812345678").contains("派单给抢修班组");
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();

        form(cookie).formParam("csrf", csrf.group(1))
                .formParam("status", "DISPATCHED").formParam("crewName", "")
                .post("/console/repairs/" + ticketNo + "/steps").then().statusCode(303)
                .header("Location", containsString("problem=invalid-request"));
        form(cookie).formParam("csrf", csrf.group(1)).formParam("status", "ON_SITE")
                .post("/console/repairs/" + ticketNo + "/steps").then().statusCode(303)
                .header("Location", containsString("problem=illegal-transition"));
        form(cookie).formParam("csrf", "forged").formParam("status", "CLOSED")
                .post("/console/repairs/" + ticketNo + "/steps").then().statusCode(403);
        assertThat(utility.value("select status from repair_ticket where ticket_no = ?", ticketNo)).isEqualTo("RECEIVED");
        assertThat(console(cookie).get("/console/repairs/" + ticketNo + "?problem=illegal-transition").then()
                .extract().asString()).contains("id=\"problem\"");

        form(cookie).formParam("csrf", csrf.group(1))
                .formParam("status", "DISPATCHED").formParam("crewName", "城东抢修一班")
                .formParam("crewContact", "13800001111").formParam("note", "<b>尽快</b>")
                .post("/console/repairs/" + ticketNo + "/steps").then().statusCode(303)
                .header("Location", containsString("/console/repairs/" + ticketNo));
        String moved = console(cookie).get("/console/repairs/" + ticketNo).then().statusCode(200).extract().asString();
        assertThat(moved).contains("城东抢修一班（13800001111）").contains("&lt;b&gt;尽快&lt;/b&gt;")
                .doesNotContain("<b>尽快");
        resident.given().get("/api/v1/accounts/" + account.accountNo() + "/repairs/" + ticketNo).then()
                .body("status", equalTo("DISPATCHED"));
        RestAssured.given().redirects().follow(false).get("/console/repairs").then().statusCode(303)
                .header("Location", containsString("/console/sign-in"));
    }

    @Test
    void shouldCloseLinkedTicketsWhenTheirOutageIsRestoredOnceAndAreaByArea() throws Exception {
        Object[] areas = utility.rows("""
                select t.id, t2.id from transformer_area t join transformer_area t2 on t2.feeder_id = t.feeder_id
                 where t.id < t2.id order by t.id limit 1""").get(0);
        int first = (Integer) areas[0];
        int second = (Integer) areas[1];
        long outage = outage("PUBLISHED");
        utility.execute("insert into outage_scope (outage_id, transformer_area_id) values (?, ?), (?, ?)", outage,
                first, outage, second);
        outages.outagesChanged(outage).await().indefinitely();
        var inFirst = customer(OWNER, first);
        var inSecond = customer(OWNER, second);
        var firstResident = SignedInResident.signIn().bind(inFirst);
        var secondResident = SignedInResident.signIn().bind(inSecond);
        String firstTicket = report(firstResident, inFirst).statusCode(201).body("status", equalTo("LINKED"))
                .extract().path("ticketNo");
        String secondTicket = report(secondResident, inSecond).statusCode(201).body("status", equalTo("LINKED"))
                .extract().path("ticketNo");

        utility.execute("insert into outage_area_restoration (outage_id, transformer_area_id, restored_at) "
                + "values (?, ?, now())", outage, first);
        fire(outage, OutageChanged.Change.PARTLY_RESTORED);
        assertThat(status(firstTicket)).isEqualTo("CLOSED");
        assertThat(status(secondTicket)).as("power not back there yet").isEqualTo("LINKED");

        utility.execute("update outage set status = 'RESTORED', restored_at = now() where id = ?", outage);
        fire(outage, OutageChanged.Change.RESTORED);
        fire(outage, OutageChanged.Change.RESTORED);
        fire(outage, OutageChanged.Change.CLOSED);
        assertThat(status(secondTicket)).isEqualTo("CLOSED");
        secondResident.given().get("/api/v1/accounts/" + inSecond.accountNo() + "/repairs/" + secondTicket).then()
                .body("timeline.status", equalTo(List.of("LINKED", "CLOSED")))
                .body("timeline[1].note", equalTo("已恢复供电"));
        // the outage's own notices (outagenotice) are in the inbox too: the ticket's are those of its topic
        assertThat(secondResident.given().get("/api/v1/me/inbox").then().extract().jsonPath()
                .getList("items.findAll { it.topic == 'REPAIR_PROGRESS' }.title"))
                .containsExactly("已恢复供电", "报修已关联停电事件");
        assertThat(utility.count("select count(*) from repair_ticket_event where status = 'CLOSED'"))
                .as("a repeated event does nothing").isEqualTo(2);
    }

    @Test
    void shouldGiveLinkedTicketsBackForACrewWhenTheSuspicionIsDismissed() throws Exception {
        int area = (Integer) utility.value("select min(id) from transformer_area");
        long outage = outage("SUSPECTED");
        utility.execute("insert into outage_scope (outage_id, transformer_area_id) values (?, ?)", outage, area);
        outages.outagesChanged(outage).await().indefinitely();
        var account = customer(OWNER, area);
        var resident = SignedInResident.signIn().bind(account);
        String ticketNo = report(resident, account).statusCode(201).body("status", equalTo("LINKED"))
                .body("linkedOutageId", equalTo((int) outage)).extract().path("ticketNo");

        utility.execute("update outage set status = 'DISMISSED', updated_at = now() where id = ?", outage);
        fire(outage, OutageChanged.Change.DISMISSED);
        fire(outage, OutageChanged.Change.DISMISSED);

        resident.given().get("/api/v1/accounts/" + account.accountNo() + "/repairs/" + ticketNo).then()
                .body("status", equalTo("RECEIVED")).body("linkedOutageId", equalTo(null))
                .body("timeline.status", equalTo(List.of("LINKED", "RECEIVED")));
        assertThat(owner.given().get("/api/v1/staff/repairs?status=RECEIVED").then().extract().jsonPath()
                .getList("items.ticketNo")).containsExactly(ticketNo);
    }

    private void fire(long outage, OutageChanged.Change change) throws Exception {
        changed.fireAsync(new OutageChanged(outage, 2, change)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private long outage(String status) throws Exception {
        return (Long) utility.value("""
                insert into outage (kind, status, cause, description, starts_at, published_at)
                values ('UNPLANNED', ?, 'EQUIPMENT_FAULT', '测试停电', ?, ?) returning id""", status,
                OffsetDateTime.now().minusHours(1), OffsetDateTime.now().minusHours(1));
    }

    private String status(String ticketNo) throws Exception {
        return (String) utility.value("select status from repair_ticket where ticket_no = ?", ticketNo);
    }

    /** A test customer of the agent's grid area, in the transformer area when one is given. */
    private TestAccounts.Account customer(int gridAreaId, Integer transformerAreaId) throws Exception {
        long id = utility.customer(NEXT_CUSTOMER.incrementAndGet(), "RES_TIERED", "SMART");
        utility.execute("update customer set grid_area_id = ?, transformer_area_id = ?, name = '王测试', "
                + "mobile = '13912345678' where id = ?", gridAreaId, transformerAreaId, id);
        return new TestAccounts.Account("T" + id, "13912345678");
    }

    private static ValidatableResponse report(SignedInResident resident, TestAccounts.Account account) {
        return resident.given().contentType(ContentType.JSON).body(REPORT)
                .post("/api/v1/accounts/" + account.accountNo() + "/repairs").then();
    }

    private static ValidatableResponse step(SignedInStaff staff, String ticketNo, String body) {
        return staff.given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/staff/repairs/" + ticketNo + "/steps").then();
    }

    private static RequestSpecification form(String cookie) {
        return console(cookie).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static RequestSpecification console(String cookie) {
        return RestAssured.given().redirects().follow(false).header("Cookie", cookie);
    }
}
