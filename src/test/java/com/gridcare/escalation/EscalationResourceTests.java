package com.gridcare.escalation;

import static com.gridcare.escalation.EscalationFixture.escalate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.binding.TestAccounts;
import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;
import com.gridcare.staff.SignedInStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Escalations end to end over HTTP: routing, the roles matrix, the state machine, replies to the inbox, the SLA. */
@QuarkusTest
class EscalationResourceTests {

    @Inject
    EscalationFixture fixture;

    @Inject
    TestUtility utility;

    @Inject
    MutableClock clock;

    @Inject
    SlaMonitor sla;

    private EscalationFixture.Cast cast;

    @BeforeEach
    void cast() throws SQLException {
        cast = fixture.cast();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldRouteToTheAreaOwnerWithTheConversation() throws SQLException {
        SignedInResident resident = SignedInResident.signIn().bind(cast.account());
        long id = escalate(resident, cast.account().accountNo(), "为什么这个月电费比上个月多了一倍？").statusCode(201)
                .body("status", equalTo("NEW")).body("reason", equalTo("USER_REQUEST"))
                .body("accountNo", equalTo(cast.account().accountNo())).body("dueAt", notNullValue())
                .body("replies", hasSize(0)).extract().jsonPath().getLong("id");
        assertThat(utility.value("select s.staff_no from escalation e join staff s on s.id = e.assigned_staff_id "
                + "where e.id = ?", id)).isEqualTo(cast.owner());

        SignedInStaff owner = fixture.staff(cast.owner());
        owner.given().get("/api/v1/staff/escalations").then().statusCode(200).body("items.id", hasItem((int) id));
        owner.given().get("/api/v1/staff/escalations/" + id).then().statusCode(200)
                .body("question", equalTo("为什么这个月电费比上个月多了一倍？"))
                .body("conversation", hasSize(3)).body("conversation[1].topicId", equalTo("bill.tiered-pricing"))
                .body("conversation[2].text", equalTo("转人工"))
                .body("gridAreaId", equalTo(cast.gridAreaId())).body("assignedStaffNo", equalTo(cast.owner()))
                .body("contactMobile", containsString("****")).body("customerName", containsString("*"));
    }

    @Test
    void shouldUseMyOnlyAccountOrTheGeneralQueue() throws SQLException {
        SignedInResident bound = SignedInResident.signIn().bind(cast.account());
        long routed = escalate(bound, null, "停电了怎么办").statusCode(201)
                .body("accountNo", equalTo(cast.account().accountNo())).extract().jsonPath().getLong("id");
        assertThat(utility.value("select grid_area_id from escalation where id = ?", routed)).isEqualTo(cast.gridAreaId());

        long general = escalate(SignedInResident.signIn(), null, "你们营业厅几点开门").statusCode(201)
                .body("accountNo", nullValue()).extract().jsonPath().getLong("id");
        assertThat(utility.rows("select grid_area_id, assigned_staff_id from escalation where id = ?", general).get(0))
                .containsExactly(null, null);
        fixture.staff(cast.otherSupervisor()).given().get("/api/v1/staff/escalations/" + general).then().statusCode(200);
        fixture.staff(cast.owner()).given().get("/api/v1/staff/escalations/" + general).then().statusCode(404);
    }

    @Test
    void shouldShowEachRoleWhatItMaySee() {
        SignedInResident resident = SignedInResident.signIn().bind(cast.account());
        long id = escalate(resident, cast.account().accountNo(), "电表走得太快").statusCode(201)
                .extract().jsonPath().getLong("id");
        String path = "/api/v1/staff/escalations/" + id;
        for (String allowed : List.of(cast.owner(), cast.supervisor(), cast.admin())) {
            fixture.staff(allowed).given().get(path).then().statusCode(200);
        }
        for (String refused : List.of(cast.agentSameDistrict(), cast.agentOtherDistrict(), cast.otherSupervisor())) {
            SignedInStaff staff = fixture.staff(refused);
            staff.given().get(path).then().statusCode(404).body("type", equalTo("urn:gridcare:problem:not-found"));
            staff.given().post(path + "/claim").then().statusCode(404);
            staff.given().get(path + "/customer").then().statusCode(404);
            staff.given().get("/api/v1/staff/escalations").then().statusCode(200)
                    .body("items.id", not(hasItem((int) id)));
        }
        resident.given().get(path).then().statusCode(403);
        fixture.staff(cast.owner()).given().get("/api/v1/me/escalations").then().statusCode(403);
        RestAssured.given().get(path).then().statusCode(401);
    }

    @Test
    void shouldWalkTheStateMachineAndReachTheResident() throws SQLException {
        SignedInResident resident = SignedInResident.signIn().bind(cast.account());
        long id = escalate(resident, cast.account().accountNo(), "我家电费为什么这么高").statusCode(201)
                .extract().jsonPath().getLong("id");
        String path = "/api/v1/staff/escalations/" + id;
        SignedInStaff owner = fixture.staff(cast.owner());
        SignedInStaff supervisor = fixture.staff(cast.supervisor());

        owner.given().post(path + "/resolve").then().statusCode(409)
                .body("type", equalTo("urn:gridcare:problem:illegal-transition"));
        reply(owner, path, "先别急").statusCode(409);
        rate(resident, id, 5).statusCode(409);

        owner.given().post(path + "/claim").then().statusCode(200).body("status", equalTo("CLAIMED"))
                .body("claimedByStaffNo", equalTo(cast.owner()))
                .body("contactMobile", equalTo(resident.mobile()));
        owner.given().post(path + "/claim").then().statusCode(409);
        supervisor.given().post(path + "/claim").then().statusCode(200)
                .body("claimedByStaffNo", equalTo(cast.supervisor()));
        reply(owner, path, "我来答").statusCode(409);
        reply(supervisor, path, "   ").statusCode(400);
        reply(supervisor, path, "您好，夏季用电进入第二档，单价上浮0.05元。").statusCode(200)
                .body("status", equalTo("REPLIED")).body("replies", hasSize(1));

        resident.given().get("/api/v1/me/inbox").then().statusCode(200)
                .body("items[0].topic", equalTo("ESCALATION_REPLY")).body("items[0].title", equalTo("您的咨询有回复了"))
                .body("items[0].text", containsString("夏季用电进入第二档"));
        resident.given().get("/api/v1/me/escalations").then().statusCode(200)
                .body("items[0].id", equalTo((int) id)).body("items[0].status", equalTo("REPLIED"))
                .body("items[0].replies[0].text", equalTo("您好，夏季用电进入第二档，单价上浮0.05元。"))
                .body("items[0].replies[0].staffName", containsString("*"));

        owner.given().post(path + "/resolve").then().statusCode(409);
        supervisor.given().post(path + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
        supervisor.given().post(path + "/claim").then().statusCode(409);

        rate(resident, id, 1).statusCode(200).body("status", equalTo("REOPENED")).body("rating", equalTo(1));
        assertThat(utility.value("select s.staff_no from escalation e join staff s on s.id = e.assigned_staff_id "
                + "where e.id = ?", id)).isEqualTo(cast.owner());
        owner.given().post(path + "/claim").then().statusCode(200).body("status", equalTo("CLAIMED"));
        reply(owner, path, "已安排上门核查电表。").statusCode(200).body("replies", hasSize(2));
        rate(resident, id, 5).statusCode(200).body("status", equalTo("RESOLVED")).body("rating", equalTo(5));
        rate(resident, id, 6).statusCode(400);

        assertThat(utility.rows("select action from staff_audit_log where escalation_id = ? order by id", id).stream()
                .map(row -> (String) row[0]).toList())
                .contains("CLAIM", "REPLY", "RESOLVE").doesNotContain("SIGN_IN");
    }

    @Test
    void shouldGiveTheClaimantTheCustomerContext() throws SQLException {
        SignedInResident resident = SignedInResident.signIn().bind(cast.account());
        long id = escalate(resident, cast.account().accountNo(), "账单看不懂").statusCode(201)
                .extract().jsonPath().getLong("id");
        SignedInStaff owner = fixture.staff(cast.owner());
        String path = "/api/v1/staff/escalations/" + id + "/customer";
        owner.given().get(path).then().statusCode(200)
                .body("accountNo", equalTo(cast.account().accountNo()))
                .body("boundAccounts", hasSize(1)).body("boundAccounts[0].address", containsString("****"))
                .body("latestBill.period", notNullValue()).body("outages", notNullValue());
        owner.given().post("/api/v1/staff/escalations/" + id + "/claim").then().statusCode(200);
        owner.given().get(path).then().statusCode(200).body("boundAccounts[0].address", not(containsString("****")));
        assertThat(utility.count("select count(*) from staff_audit_log where escalation_id = ? and action = "
                + "'VIEW_CUSTOMER'", id)).isEqualTo(2);
    }

    @Test
    void shouldRefuseBadEscalations() {
        SignedInResident resident = SignedInResident.signIn();
        escalate(resident, cast.account().accountNo(), "不是我的户号").statusCode(404);
        escalate(resident, TestAccounts.UNKNOWN_ACCOUNT_NO, "没有这个户号").statusCode(404);
        escalate(resident, null, "  ").statusCode(400);
        escalate(resident, null, "电".repeat(10_000)).statusCode(400);
        resident.given().contentType(ContentType.JSON).body("{\"question\":\"q\",\"reason\":\"BORED\"}")
                .post("/api/v1/escalations").then().statusCode(400);
        resident.given().contentType(ContentType.JSON)
                .body("{\"question\":\"q\",\"reason\":\"LOW_CONFIDENCE\",\"conversation\":[{\"from\":\"BOT\"}]}")
                .post("/api/v1/escalations").then().statusCode(400);
        escalate(resident, null, "😀😀😀").statusCode(201);
        RestAssured.given().contentType(ContentType.JSON).body("{}").post("/api/v1/escalations").then().statusCode(401);
    }

    @Test
    void shouldFlagOverdueEscalationsAndMoveThemToTheSupervisor() throws SQLException {
        LocalDate day = TestUtility.AS_OF;
        clock.setLocal(day.atTime(10, 0));
        SignedInResident resident = SignedInResident.signIn().bind(cast.account());
        long id = escalate(resident, cast.account().accountNo(), "什么时候来电").statusCode(201)
                .extract().jsonPath().getLong("id");
        assertThat(due(id)).isEqualTo(day.atTime(10, 15).atZone(clock.getZone()).toInstant());

        clock.setLocal(day.atTime(10, 14));
        sla.flagOverdue().await().indefinitely();
        assertThat(utility.value("select overdue from escalation where id = ?", id)).isEqualTo(false);

        clock.setLocal(day.atTime(10, 16));
        sla.flagOverdue().await().indefinitely();
        assertThat(utility.rows("select e.overdue, s.staff_no from escalation e join staff s on s.id = e.assigned_staff_id "
                + "where e.id = ?", id).get(0)).containsExactly(true, cast.supervisor());
        fixture.staff(cast.supervisor()).given().get("/api/v1/staff/escalations").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.overdue", equalTo(true))
                .body("items.find { it.id == " + id + " }.assignedStaffNo", equalTo(cast.supervisor()));
        fixture.staff(cast.owner()).given().get("/api/v1/staff/escalations/" + id).then().statusCode(200)
                .body("overdue", equalTo(true));
    }

    @Test
    void shouldStopTheSlaClockOutsideWorkingHours() throws SQLException {
        LocalDate day = TestUtility.AS_OF;
        clock.setLocal(day.atTime(17, 25));
        long id = escalate(SignedInResident.signIn(), null, "晚上停电了").statusCode(201)
                .extract().jsonPath().getLong("id");
        assertThat(due(id)).isEqualTo(day.plusDays(1).atTime(8, 40).atZone(clock.getZone()).toInstant());
    }

    private Instant due(long id) throws SQLException {
        return ((Timestamp) utility.value("select due_at from escalation where id = ?", id)).toInstant();
    }

    private static io.restassured.response.ValidatableResponse reply(SignedInStaff staff, String path, String text) {
        return staff.given().contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}")
                .post(path + "/replies").then();
    }

    private static io.restassured.response.ValidatableResponse rate(SignedInResident resident, long id, int rating) {
        return resident.given().contentType(ContentType.JSON).body("{\"rating\":" + rating + "}")
                .post("/api/v1/me/escalations/" + id + "/rating").then();
    }
}
