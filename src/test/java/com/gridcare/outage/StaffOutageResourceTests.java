package com.gridcare.outage;

import static com.gridcare.outage.OutageFixture.AREA_A;
import static com.gridcare.outage.OutageFixture.AREA_B;
import static com.gridcare.outage.OutageFixture.AREA_ELSEWHERE;
import static com.gridcare.outage.OutageFixture.create;
import static com.gridcare.outage.OutageFixture.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;
import com.gridcare.outage.OutageChanged.Change;
import com.gridcare.staff.SignedInStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Staff manage outages through the API: create, preview, publish, edit, move the estimate, restore area by area,
 * cancel, close, confirm or dismiss what detection suspected; each within their reach, on the version they saw,
 * audited, and told to the features following outages; bad input changes nothing.
 */
@QuarkusTest
class StaffOutageResourceTests {

    @Inject
    OutageFixture fixture;

    @Inject
    TestUtility utility;

    @Inject
    MutableClock clock;

    @Inject
    OutageService outages;

    private OffsetDateTime now;

    @BeforeEach
    void network() throws Exception {
        clock.setLocal(TestUtility.NOW);
        now = clock.instant().atOffset(ZoneOffset.UTC);
        fixture.prepare();
    }

    @AfterEach
    void cleanUp() throws Exception {
        utility.removeTestRows();
        clock.reset();
    }

    /** As clients send times: with seconds (OffsetDateTime's toString leaves zero seconds out). */
    private static String at(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Published outages around the test areas (all three stand at the same place). */
    private static io.restassured.response.ValidatableResponse near() {
        return RestAssured.given().queryParam("latitude", 23.1).queryParam("longitude", 113.3).queryParam("radius", 100)
                .get("/api/v1/outages/near").then().statusCode(200);
    }

    @Test
    void shouldPublishAnUnplannedOutageAndRestoreItAreaByArea() throws Exception {
        SignedInStaff owner = fixture.owner();
        String scope = "\"transformerAreas\": [\"" + AREA_A + "\", \"" + AREA_B + "\"]";
        owner.given().contentType(ContentType.JSON).body("{" + scope + "}").post("/api/v1/staff/outages/preview")
                .then().statusCode(200).body("affectedCustomers", equalTo(OutageFixture.IN_A + OutageFixture.IN_B))
                .body("scope.code", equalTo(List.of(AREA_A, AREA_B)));

        JsonPath draft = create(owner, """
                {"kind": "UNPLANNED", %s, "startsAt": "%s", "estimatedRestoreAt": "%s",
                 "cause": "EQUIPMENT_FAULT", "description": "变压器故障抢修", "crewContact": "抢修班 0757-1234"}"""
                .formatted(scope, at(now.minusMinutes(30)), at(now.plusHours(3)))).statusCode(201)
                .body("status", equalTo("DRAFT")).body("version", equalTo(1))
                .body("affectedCustomers", equalTo(OutageFixture.IN_A + OutageFixture.IN_B))
                .body("history[0].action", equalTo("CREATE")).body("history[0].staffNo", equalTo(owner.staffNo()))
                .extract().jsonPath();
        long id = draft.getLong("id");
        long inA = fixture.customerOf(AREA_A);
        long inB = fixture.customerOf(AREA_B);
        assertThat(outages.forCustomer(inA).await().indefinitely().current()).as("a draft is not shown").isNull();

        post(owner, id, "publish", "{\"version\": 1}").statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("version", equalTo(2)).body("publishedAt", not(equalTo(null)));
        assertThat(outages.forCustomer(inA).await().indefinitely().current().id()).isEqualTo(id);
        RestAssured.get("/api/v1/outages/" + id).then().statusCode(200)
                .body("areas.code", equalTo(List.of(AREA_A, AREA_B)));
        near().body("[0].outage.id", equalTo((int) id)).body("[0].areasWithinRadius", equalTo(2));

        post(owner, id, "restore", "{\"version\": 2, \"transformerAreas\": [\"" + AREA_A + "\"]}").statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("restoredAreas.code", equalTo(List.of(AREA_A)));
        assertThat(outages.forCustomer(inA).await().indefinitely().current()).as("power back in A").isNull();
        assertThat(outages.forCustomer(inB).await().indefinitely().current().id()).isEqualTo(id);
        RestAssured.get("/api/v1/outages/" + id).then().statusCode(200).body("areas.code", equalTo(List.of(AREA_B)));
        near().body("[0].areasWithinRadius", equalTo(1));
        RestAssured.given().queryParam("q", AREA_A).get("/api/v1/outages").then().statusCode(200)
                .body("items", equalTo(List.of()));
        RestAssured.given().queryParam("q", AREA_B).get("/api/v1/outages").then().statusCode(200)
                .body("items.id", hasItem((int) id));

        post(owner, id, "restore", "{\"version\": 3, \"transformerAreas\": [\"" + AREA_B + "\"]}").statusCode(200)
                .body("status", equalTo("RESTORED")).body("restoredAt", not(equalTo(null)));
        assertThat(outages.forCustomer(inB).await().indefinitely().current()).isNull();
        post(owner, id, "close", "{\"version\": 4}").statusCode(200).body("status", equalTo("CLOSED"))
                .body("history.action", equalTo(List.of("CREATE", "PUBLISH", "RESTORE_AREAS", "RESTORE_AREAS",
                        "CLOSE")))
                .body("history[2].changes.restoredAreas", equalTo(List.of(AREA_A)));

        assertThat(fixture.fired(4)).extracting(OutageChanged::change).containsExactly(Change.PUBLISHED,
                Change.PARTLY_RESTORED, Change.RESTORED, Change.CLOSED);
        assertThat(fixture.fired(4)).extracting(OutageChanged::version).containsExactly(2L, 3L, 4L, 5L);
        assertThat(utility.rows("""
                select action from staff_audit_log where subject = ? and staff_no = ? order by id""",
                "outage:" + id, owner.staffNo())).extracting(row -> row[0]).containsExactly("CREATE_OUTAGE",
                "PUBLISH_OUTAGE", "RESTORE_OUTAGE", "RESTORE_OUTAGE", "CLOSE_OUTAGE");
    }

    @Test
    void shouldEditAndCancelAPlannedOutageAndRefuseToPublishItCancelled() throws Exception {
        SignedInStaff supervisor = fixture.supervisor();
        long id = create(supervisor, """
                {"kind": "PLANNED", "transformerAreas": ["%s"], "startsAt": "%s", "estimatedRestoreAt": "%s",
                 "cause": "PLANNED_MAINTENANCE", "description": "线路检修"}"""
                .formatted(AREA_A, at(now.plusDays(3)), at(now.plusDays(3).plusHours(6)))).statusCode(201)
                .body("cause", equalTo("PLANNED_MAINTENANCE")).extract().jsonPath().getLong("id");
        post(supervisor, id, "publish", "{\"version\": 1}").statusCode(200);
        long customer = fixture.customerOf(AREA_A);
        assertThat(outages.forCustomer(customer).await().indefinitely().planned()).hasSize(1);

        supervisor.given().contentType(ContentType.JSON).body("""
                {"version": 2, "description": "线路检修（延后两小时）", "transformerAreas": ["%s", "%s"],
                 "startsAt": "%s"}""".formatted(AREA_A, AREA_B, at(now.plusDays(3).plusHours(2))))
                .patch("/api/v1/staff/outages/" + id).then().statusCode(200).body("version", equalTo(3))
                .body("affectedCustomers", equalTo(OutageFixture.IN_A + OutageFixture.IN_B))
                .body("history[2].changes.description", equalTo("线路检修（延后两小时）"))
                .body("history[2].changes.transformerAreas", equalTo(List.of(AREA_A, AREA_B)));
        post(supervisor, id, "cancel", "{\"version\": 3}").statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(outages.forCustomer(customer).await().indefinitely().planned()).isEmpty();

        post(supervisor, id, "publish", "{\"version\": 4}").statusCode(409)
                .body("type", equalTo("urn:gridcare:problem:illegal-transition"))
                .body("violations[0].field", equalTo("status"));
        post(supervisor, id, "close", "{\"version\": 4}").statusCode(409);
        assertThat(fixture.fired(3)).extracting(OutageChanged::change).containsExactly(Change.PUBLISHED,
                Change.EDITED, Change.CANCELLED);
        assertThat(utility.count("select version from outage where id = ?", id)).isEqualTo(4);
    }

    @Test
    void shouldMoveTheEstimateOfACurrentUnplannedOutageOnlyForward() throws Exception {
        SignedInStaff owner = fixture.owner();
        long id = create(owner, """
                {"kind": "UNPLANNED", "transformerAreas": ["%s"], "startsAt": "%s", "description": "停电抢修"}"""
                .formatted(AREA_A, at(now.minusMinutes(10)))).statusCode(201).body("cause", equalTo("UNKNOWN"))
                .body("estimatedRestoreAt", equalTo(null)).extract().jsonPath().getLong("id");
        post(owner, id, "estimate", "{\"version\": 1, \"estimatedRestoreAt\": \"" + at(now.plusHours(2)) + "\"}")
                .statusCode(409).body("type", equalTo("urn:gridcare:problem:illegal-transition"));
        post(owner, id, "publish", "{\"version\": 1}").statusCode(200);

        post(owner, id, "estimate", "{\"version\": 2, \"estimatedRestoreAt\": \"" + at(now.minusMinutes(1)) + "\"}")
                .statusCode(400).body("type", equalTo("urn:gridcare:problem:estimate-in-past"))
                .body("violations[0].field", equalTo("estimatedRestoreAt"));
        post(owner, id, "estimate", "{\"version\": 2, \"estimatedRestoreAt\": \"" + at(now.plusHours(2)) + "\"}")
                .statusCode(200).body("version", equalTo(3));
        assertThat(outages.forCustomer(fixture.customerOf(AREA_A)).await().indefinitely().current()
                .estimatedRestoreAt()).isAtSameInstantAs(now.plusHours(2));
        owner.given().contentType(ContentType.JSON)
                .body("{\"version\": 3, \"estimatedRestoreAt\": \"" + at(now.plusHours(4)) + "\"}")
                .patch("/api/v1/staff/outages/" + id).then().statusCode(200);
        assertThat(fixture.fired(3)).extracting(OutageChanged::change).containsExactly(Change.PUBLISHED,
                Change.ESTIMATE_MOVED, Change.ESTIMATE_MOVED);
    }

    @Test
    void shouldTellTheSecondOfTwoEditorsWhatChangedSince() throws Exception {
        long id = create(fixture.supervisor(), """
                {"kind": "UNPLANNED", "transformerAreas": ["%s"], "startsAt": "%s", "description": "停电"}"""
                .formatted(AREA_A, at(now.minusMinutes(5)))).statusCode(201).extract().jsonPath().getLong("id");
        SignedInStaff first = fixture.owner();
        SignedInStaff second = fixture.supervisor();

        first.given().contentType(ContentType.JSON).body("{\"version\": 1, \"cause\": \"WEATHER\"}")
                .patch("/api/v1/staff/outages/" + id).then().statusCode(200).body("version", equalTo(2));
        second.given().contentType(ContentType.JSON).body("{\"version\": 1, \"description\": \"雷击停电\"}")
                .patch("/api/v1/staff/outages/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:gridcare:problem:stale-version")).body("currentVersion", equalTo(2))
                .body("changes[0].field", equalTo("cause")).body("changes[0].currentValue", equalTo("WEATHER"))
                .body("changes[0].changedBy", equalTo(first.staffNo())).body("changes[0].version", equalTo(2));
        post(second, id, "publish", "{\"version\": 1}").statusCode(409)
                .body("type", equalTo("urn:gridcare:problem:stale-version"));

        RestAssured.given().header("Authorization", "Bearer " + second.accessToken())
                .get("/api/v1/staff/outages/" + id).then().statusCode(200)
                .body("description", equalTo("停电")).body("status", equalTo("DRAFT"));
        assertThat(fixture.fired(1)).extracting(OutageChanged::change).containsExactly(Change.EDITED);
    }

    @Test
    void shouldRefuseBadInputNamingTheFieldAndChangeNothing() throws Exception {
        SignedInStaff admin = fixture.admin();
        create(admin, """
                {"kind": "PLANNED", "transformerAreas": ["%s"], "startsAt": "%s", "estimatedRestoreAt": "%s",
                 "description": "检修"}""".formatted(AREA_A, at(now.plusDays(2)), at(now.plusDays(1)))).statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:invalid-window"))
                .body("violations[0].field", equalTo("estimatedRestoreAt"));
        create(admin, """
                {"kind": "PLANNED", "transformerAreas": ["%s"], "startsAt": "%s", "description": "检修"}"""
                .formatted(AREA_A, at(now.plusDays(2)))).statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:invalid-window"));
        create(admin, """
                {"kind": "UNPLANNED", "transformerAreas": ["%s", "NOPE1"], "feeders": ["NOFEEDER"],
                 "startsAt": "%s", "description": "停电"}""".formatted(AREA_A, at(now))).statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:unknown-scope"))
                .body("violations.field", equalTo(List.of("feeders", "transformerAreas")))
                .body("violations[1].message", equalTo("unknown: NOPE1"));
        create(admin, """
                {"kind": "UNPLANNED", "transformerAreas": [], "startsAt": "%s", "description": "停电"}"""
                .formatted(at(now))).statusCode(400).body("type", equalTo("urn:gridcare:problem:empty-scope"))
                .body("violations[0].field", equalTo("scope"));
        create(admin, """
                {"kind": "UNPLANNED", "transformerAreas": ["%s"], "startsAt": "%s", "estimatedRestoreAt": "%s",
                 "description": "停电"}""".formatted(AREA_A, at(now.minusHours(3)), at(now.minusHours(1)))).statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:estimate-in-past"));
        create(admin, """
                {"kind": "SOMETIMES", "transformerAreas": ["%s"], "startsAt": "%s", "description": "停电"}"""
                .formatted(AREA_A, at(now))).statusCode(400);
        admin.given().contentType(ContentType.JSON).body("{\"transformerAreas\": [\"NOPE\"]}")
                .post("/api/v1/staff/outages/preview").then().statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:unknown-scope"));
        assertThat(utility.count("select count(*) from outage")).isZero();

        long id = create(admin, """
                {"kind": "UNPLANNED", "transformerAreas": ["%s"], "startsAt": "%s", "description": "停电"}"""
                .formatted(AREA_A, at(now))).statusCode(201).extract().jsonPath().getLong("id");
        post(admin, id, "publish", "{}").statusCode(400).body("type", equalTo("urn:gridcare:problem:validation-failed"))
                .body("violations[0].field", equalTo("version"));
        admin.given().contentType(ContentType.JSON).body("{\"version\": 1, \"transformerAreas\": []}")
                .patch("/api/v1/staff/outages/" + id).then().statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:empty-scope"));
        admin.given().contentType(ContentType.JSON).body("{\"version\": 1, \"estimatedRestoreAt\": \"" + at(now.minusHours(1))
                + "\"}").patch("/api/v1/staff/outages/" + id).then().statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:invalid-window"));
        post(admin, id, "close", "{\"version\": 1}").statusCode(409);
        post(admin, id, "dismiss", "{\"version\": 1}").statusCode(409);
        post(admin, id, "restore", "{\"version\": 1}").statusCode(409);
        admin.given().get("/api/v1/staff/outages/" + id).then().statusCode(200).body("version", equalTo(1))
                .body("status", equalTo("DRAFT")).body("history.action", equalTo(List.of("CREATE")));
        assertThat(fixture.fired(0)).isEmpty();
    }

    @Test
    void shouldKeepEachOutageWithinTheReachOfItsAreaAndDistrict() throws Exception {
        long mine = create(fixture.owner(), """
                {"kind": "UNPLANNED", "transformerAreas": ["%s"], "startsAt": "%s", "description": "停电"}"""
                .formatted(AREA_A, at(now))).statusCode(201).extract().jsonPath().getLong("id");
        long elsewhere = create(fixture.otherAgent(), """
                {"kind": "UNPLANNED", "transformerAreas": ["%s"], "startsAt": "%s", "description": "停电"}"""
                .formatted(AREA_ELSEWHERE, at(now))).statusCode(201).extract().jsonPath().getLong("id");
        int feeder = (Integer) utility.value("select feeder_id from transformer_area where code = ?", AREA_A);
        String feederCode = (String) utility.value("select code from feeder where id = ?", feeder);

        create(fixture.owner(), """
                {"kind": "UNPLANNED", "transformerAreas": ["%s"], "startsAt": "%s", "description": "停电"}"""
                .formatted(AREA_ELSEWHERE, at(now))).statusCode(403)
                .body("type", equalTo("urn:gridcare:problem:outside-your-area"));
        create(fixture.owner(), """
                {"kind": "UNPLANNED", "feeders": ["%s"], "startsAt": "%s", "description": "停电"}"""
                .formatted(feederCode, at(now))).statusCode(403)
                .body("violations[0].field", equalTo("scope"));
        fixture.otherAgent().given().get("/api/v1/staff/outages/" + mine).then().statusCode(404);
        post(fixture.otherAgent(), mine, "publish", "{\"version\": 1}").statusCode(404);
        fixture.otherSupervisor().given().get("/api/v1/staff/outages/" + mine).then().statusCode(404);
        fixture.owner().given().contentType(ContentType.JSON)
                .body("{\"version\": 1, \"transformerAreas\": [\"" + AREA_ELSEWHERE + "\"]}")
                .patch("/api/v1/staff/outages/" + mine).then().statusCode(403);

        fixture.owner().given().get("/api/v1/staff/outages").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) mine)));
        fixture.supervisor().given().get("/api/v1/staff/outages").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) mine)));
        fixture.otherSupervisor().given().get("/api/v1/staff/outages").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) elsewhere)));
        fixture.admin().given().queryParam("status", "DRAFT").queryParam("kind", "UNPLANNED").queryParam("limit", 1)
                .get("/api/v1/staff/outages").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1))
                .body("nextCursor", not(equalTo(null)));
        fixture.admin().given().queryParam("status", "PUBLISHED").get("/api/v1/staff/outages").then().statusCode(200)
                .body("items", equalTo(List.of()));

        long feederWide = create(fixture.supervisor(), """
                {"kind": "UNPLANNED", "feeders": ["%s"], "startsAt": "%s", "description": "线路跳闸"}"""
                .formatted(feederCode, at(now))).statusCode(201)
                .body("affectedCustomers", equalTo((int) utility.count(
                        "select count(*) from customer where feeder_id = ? and status <> 'CLOSED'", feeder)))
                .extract().jsonPath().getLong("id");
        fixture.owner().given().get("/api/v1/staff/outages/" + feederWide).then().statusCode(404);

        SignedInResident resident = SignedInResident.signIn();
        resident.given().get("/api/v1/staff/outages").then().statusCode(403);
        RestAssured.get("/api/v1/staff/outages").then().statusCode(401);
    }

    @Test
    void shouldConfirmOrDismissWhatDetectionSuspected() throws Exception {
        long confirmed = fixture.suspected(AREA_A, now.minusMinutes(20));
        long dismissed = fixture.suspected(AREA_B, now.minusMinutes(15));
        long customer = fixture.customerOf(AREA_A);
        assertThat(outages.forCustomer(customer).await().indefinitely().current()).as("not yet confirmed").isNull();
        SignedInStaff owner = fixture.owner();
        owner.given().queryParam("status", "SUSPECTED").get("/api/v1/staff/outages").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) dismissed, (int) confirmed)));

        post(owner, confirmed, "confirm", """
                {"version": 1, "cause": "EQUIPMENT_FAULT", "estimatedRestoreAt": "%s", "description": "台区变压器故障"}"""
                .formatted(at(now.plusHours(2)))).statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("cause", equalTo("EQUIPMENT_FAULT")).body("history[0].action", equalTo("CONFIRM"))
                .body("history[0].changes.status", equalTo("PUBLISHED"));
        assertThat(outages.forCustomer(customer).await().indefinitely().current().id()).isEqualTo(confirmed);
        post(owner, dismissed, "dismiss", "{\"version\": 1}").statusCode(200).body("status", equalTo("DISMISSED"));
        post(owner, dismissed, "confirm", "{\"version\": 2}").statusCode(409);

        assertThat(fixture.fired(2)).extracting(OutageChanged::change).containsExactly(Change.PUBLISHED,
                Change.DISMISSED);
        assertThat(utility.rows("select action from staff_audit_log where subject in (?, ?) order by id",
                "outage:" + confirmed, "outage:" + dismissed)).extracting(row -> row[0])
                .containsExactly("CONFIRM_OUTAGE", "DISMISS_OUTAGE");
    }

    @Test
    void shouldRestoreAFeederOutageWholeAtOnce() throws Exception {
        SignedInStaff admin = fixture.admin();
        String feederCode = (String) utility.value("""
                select f.code from feeder f join transformer_area t on t.feeder_id = f.id where t.code = ?""", AREA_A);
        long id = create(admin, """
                {"kind": "UNPLANNED", "feeders": ["%s"], "startsAt": "%s", "description": "线路跳闸"}"""
                .formatted(feederCode, at(now.minusHours(1)))).statusCode(201).extract().jsonPath().getLong("id");
        post(admin, id, "publish", "{\"version\": 1}").statusCode(200);
        post(admin, id, "restore", "{\"version\": 2, \"transformerAreas\": [\"NOT-HERE\"]}").statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:unknown-scope"))
                .body("violations[0].field", equalTo("transformerAreas"));
        post(admin, id, "restore", "{\"version\": 2}").statusCode(200).body("status", equalTo("RESTORED"))
                .body("history[2].action", equalTo("RESTORE"));
        assertThat(outages.forCustomer(fixture.customerOf(AREA_ELSEWHERE)).await().indefinitely().current()).isNull();
        assertThat(fixture.fired(2)).extracting(OutageChanged::change).containsExactly(Change.PUBLISHED,
                Change.RESTORED);
    }
}
