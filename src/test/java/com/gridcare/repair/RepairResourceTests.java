package com.gridcare.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.binding.TestAccounts;
import com.gridcare.dataset.TestUtility;
import com.gridcare.outage.OutageService;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Fault reports through HTTP: tickets, de-duplication against outages and open tickets, the timeline, the inbox. */
@QuarkusTest
class RepairResourceTests {

    private static final String REPORT = """
            {"description": "家里突然没电了，邻居家有电", "contactPhone": "13812345678",
             "photoUrls": ["https://img.example.cn/fault/1.jpg"]}""";

    @Inject
    TestAccounts accounts;

    @Inject
    TestUtility utility;

    @Inject
    OutageService outages;

    @Inject
    TestStaff staff;

    @Inject
    StaffPasswords passwords;

    @BeforeEach
    void utility() throws SQLException {
        accounts.ensure();
    }

    @Test
    void shouldOpenATicketTellTheReporterAndJoinFurtherReportsToIt() throws SQLException {
        var account = accounts.random();
        var resident = SignedInResident.signIn().bind(account);
        var ticket = report(resident, account.accountNo(), REPORT).statusCode(201)
                .header("Location", containsString("/api/v1/accounts/" + account.accountNo() + "/repairs/R"))
                .body("status", equalTo("RECEIVED")).body("linkedOutageId", nullValue())
                .body("contactPhone", equalTo("138****5678")).body("photoUrls", hasSize(1))
                .body("timeline", hasSize(1)).body("timeline[0].status", equalTo("RECEIVED"))
                .extract().jsonPath();
        String ticketNo = ticket.getString("ticketNo");

        report(resident, account.accountNo(), """
                {"description": "还是没电，冰箱里的东西要坏了", "contactPhone": "13812345678"}""").statusCode(200)
                .body("ticketNo", equalTo(ticketNo)).body("timeline", hasSize(2))
                .body("timeline[1].note", equalTo("还是没电，冰箱里的东西要坏了"));
        resident.given().get("/api/v1/accounts/" + account.accountNo() + "/repairs").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].ticketNo", equalTo(ticketNo));
        resident.given().get("/api/v1/accounts/" + account.accountNo() + "/repairs/" + ticketNo).then()
                .statusCode(200).body("description", equalTo("家里突然没电了，邻居家有电"));

        resident.given().get("/api/v1/me/inbox").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].topic", equalTo("REPAIR_PROGRESS")).body("items[0].title", equalTo("报修已受理"))
                .body("items[0].channel", equalTo("APP_PUSH")).body("items[0].status", equalTo("PENDING"));
    }

    @Test
    void shouldLinkAReportToTheKnownOutageInsteadOfDispatching() throws SQLException {
        var account = accounts.one("select account_no, mobile from customer where mobile is not null "
                + "and transformer_area_id is not null and id < " + TestUtility.FIRST_TEST_ID + " order by random() limit 1");
        long outage = (Long) utility.value("""
                insert into outage (kind, status, cause, description, starts_at, estimated_restore_at, published_at)
                values ('UNPLANNED', 'PUBLISHED', 'EQUIPMENT_FAULT', 'Test outage', ?, ?, ?) returning id""",
                OffsetDateTime.now().minusHours(1), OffsetDateTime.now().plusHours(3), OffsetDateTime.now().minusHours(1));
        utility.execute("insert into outage_scope (outage_id, transformer_area_id) "
                + "select ?, transformer_area_id from customer where account_no = ?", outage, account.accountNo());
        outages.outagesChanged(outage).await().indefinitely();

        var resident = SignedInResident.signIn().bind(account);
        report(resident, account.accountNo(), REPORT).statusCode(201).body("status", equalTo("LINKED"))
                .body("linkedOutageId", equalTo((int) outage));
        resident.given().get("/api/v1/me/inbox").then().body("items[0].title", equalTo("报修已关联停电事件"));
    }

    @Test
    void shouldRefuseReportsForAccountsThatAreNotMineAndBadReports() throws SQLException {
        var account = accounts.random();
        var owner = SignedInResident.signIn().bind(account);
        var stranger = SignedInResident.signIn();
        report(stranger, account.accountNo(), REPORT).statusCode(404)
                .body("type", equalTo("urn:gridcare:problem:not-found"));
        stranger.given().get("/api/v1/accounts/" + account.accountNo() + "/repairs").then().statusCode(404);

        for (String bad : List.of(
                "{\"description\": \"  \", \"contactPhone\": \"13812345678\"}",
                "{\"description\": \"" + "停".repeat(501) + "\", \"contactPhone\": \"13812345678\"}",
                "{\"description\": \"没电\", \"contactPhone\": \"12345\"}",
                "{\"description\": \"没电\"}",
                "{\"description\": \"没电\", \"contactPhone\": \"13812345678\", \"photoUrls\": [\"javascript:alert(1)\"]}",
                "{\"description\": \"没电\", \"contactPhone\": \"13812345678\", \"photoUrls\": "
                        + "[\"https://a/1\",\"https://a/2\",\"https://a/3\",\"https://a/4\",\"https://a/5\",\"https://a/6\",\"https://a/7\"]}",
                "{\"description\": 42, \"contactPhone\": \"13812345678\"}",
                "{\"description\": \"没电\", ")) {
            report(owner, account.accountNo(), bad).log().ifValidationFails().statusCode(400)
                    .contentType("application/problem+json");
        }
        report(owner, "0300000001'--", REPORT).statusCode(400);
        owner.given().get("/api/v1/accounts/" + account.accountNo() + "/repairs/R1").then().statusCode(400);
        assertThat(utility.count("select count(*) from repair_ticket")).isZero();
    }

    @Test
    void shouldMoveThroughTheLifecycleAndRefuseIllegalTransitions() throws SQLException {
        var account = accounts.random();
        var resident = SignedInResident.signIn().bind(account);
        String ticketNo = report(resident, account.accountNo(), REPORT).statusCode(201).extract().path("ticketNo");
        var admin = SignedInStaff.admin(staff, passwords);

        step(admin, ticketNo, "{\"status\":\"DISPATCHED\",\"crewName\":\"抢修一班\",\"crewContact\":\"13800001111\"}")
                .statusCode(200);
        step(admin, ticketNo, "{\"status\":\"ON_SITE\",\"note\":\"班组已到场\"}").statusCode(200);
        step(admin, ticketNo, "{\"status\":\"CLOSED\"}").statusCode(409)
                .body("type", equalTo("urn:gridcare:problem:illegal-transition"))
                .body("detail", containsString("ON_SITE"));
        step(admin, ticketNo, "{\"status\":\"RESTORED\"}").statusCode(200);
        step(admin, ticketNo, "{\"status\":\"CLOSED\"}").statusCode(200);
        step(admin, ticketNo, "{\"status\":\"DISPATCHED\",\"crewName\":\"抢修一班\",\"crewContact\":\"13800001111\"}")
                .statusCode(409);

        resident.given().get("/api/v1/accounts/" + account.accountNo() + "/repairs/" + ticketNo).then()
                .body("status", equalTo("CLOSED")).body("timeline.status",
                        equalTo(List.of("RECEIVED", "DISPATCHED", "ON_SITE", "RESTORED", "CLOSED")))
                .body("timeline[2].note", equalTo("班组已到场"));
        resident.given().get("/api/v1/me/inbox?limit=2").then().body("items", hasSize(2))
                .body("items[0].title", equalTo("报修已办结")).body("items[1].title", equalTo("已恢复供电"));
        report(resident, account.accountNo(), REPORT).statusCode(201);
    }

    @Test
    void shouldAllowExactlyTheDocumentedTransitions() {
        var allowed = List.of("RECEIVED>DISPATCHED", "RECEIVED>CLOSED", "DISPATCHED>ON_SITE", "DISPATCHED>CLOSED",
                "ON_SITE>RESTORED", "LINKED>RESTORED", "LINKED>CLOSED", "LINKED>RECEIVED", "RESTORED>CLOSED");
        for (RepairStatus from : RepairStatus.values()) {
            for (RepairStatus to : RepairStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + ">" + to).isEqualTo(allowed.contains(from + ">" + to));
            }
        }
    }

    private static ValidatableResponse step(SignedInStaff staff, String ticketNo, String body) {
        return staff.given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/staff/repairs/" + ticketNo + "/steps").then();
    }

    private static ValidatableResponse report(SignedInResident resident, String accountNo, String body) {
        return resident.given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/accounts/" + accountNo + "/repairs").then();
    }
}
