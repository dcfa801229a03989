package com.gridcare.console;

import static com.gridcare.outage.OutageFixture.AREA_A;
import static com.gridcare.outage.OutageFixture.AREA_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;
import com.gridcare.outage.OutageChanged;
import com.gridcare.outage.OutageFixture;
import com.gridcare.staff.SignedInStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The console's outage pages over HTTP: the list, the new-outage form with its preview, each outage's moves. */
@QuarkusTest
class OutageConsoleTests {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CREATED = Pattern.compile("/console/outages/(\\d+)$");

    @Inject
    OutageFixture fixture;

    @Inject
    TestUtility utility;

    @Inject
    MutableClock clock;

    @BeforeEach
    void network() throws Exception {
        clock.setLocal(TestUtility.NOW);
        fixture.prepare();
    }

    @AfterEach
    void cleanUp() throws Exception {
        utility.removeTestRows();
        clock.reset();
    }

    @Test
    void shouldCreatePreviewPublishAndRestoreAnOutageFromTheConsole() throws Exception {
        SignedInStaff owner = fixture.owner();
        String form = console(owner).get("/console/outages/new").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("新建停电")).extract().asString();
        String csrf = csrf(form);

        form(owner).formParam("csrf", csrf).formParam("action", "preview").formParam("kind", "UNPLANNED")
                .formParam("transformerAreas", AREA_A + " " + AREA_B).post("/console/outages").then().statusCode(200)
                .body(containsString("<strong id=\"affected\">" + (OutageFixture.IN_A + OutageFixture.IN_B)
                        + "</strong>"));
        form(owner).formParam("csrf", csrf).formParam("action", "save").formParam("kind", "UNPLANNED")
                .formParam("transformerAreas", AREA_A).formParam("startsAt", TestUtility.NOW.toString())
                .formParam("estimatedRestoreAt", TestUtility.NOW.minusHours(1).toString())
                .formParam("description", "<b>抢修</b>").post("/console/outages").then().statusCode(400)
                .body(containsString("时间不正确")).body(containsString("estimatedRestoreAt"))
                .body(containsString("&lt;b&gt;抢修&lt;/b&gt;"));
        form(owner).formParam("csrf", csrf).formParam("action", "save").formParam("kind", "UNPLANNED")
                .formParam("transformerAreas", "NOPE").formParam("startsAt", TestUtility.NOW.toString())
                .formParam("description", "抢修").post("/console/outages").then().statusCode(400)
                .body(containsString("不存在"));
        assertThat(utility.count("select count(*) from outage")).isZero();

        String location = form(owner).formParam("csrf", csrf).formParam("action", "save").formParam("kind", "UNPLANNED")
                .formParam("transformerAreas", AREA_A + "," + AREA_B)
                .formParam("startsAt", TestUtility.NOW.minusMinutes(30).toString())
                .formParam("estimatedRestoreAt", TestUtility.NOW.plusHours(3).toString())
                .formParam("cause", "EQUIPMENT_FAULT").formParam("description", "变压器抢修")
                .post("/console/outages").then().statusCode(303).extract().header("Location");
        Matcher created = CREATED.matcher(location);
        assertThat(created.find()).isTrue();
        long id = Long.parseLong(created.group(1));
        String page = "/console/outages/" + id;
        console(owner).get(page).then().statusCode(200).body(containsString("发布（影响 5 户）"))
                .body(containsString(AREA_B)).body(containsString("CREATE"));
        console(owner).get("/console/outages").then().statusCode(200).body(containsString("变压器抢修"));

        form(owner).formParam("csrf", "forged").formParam("version", "1").post(page + "/publish").then()
                .statusCode(403);
        form(owner).formParam("csrf", csrf).formParam("version", "1").post(page + "/publish").then().statusCode(303)
                .header("Location", endsWith(page));
        form(owner).formParam("csrf", csrf).formParam("version", "1").post(page + "/cancel").then().statusCode(303)
                .header("Location", endsWith(page + "?problem=stale-version&field=version"));
        console(owner).get(page + "?problem=stale-version&field=version").then().statusCode(200)
                .body(containsString("有人在您打开页面之后修改了这次停电")).body(containsString("更新预计恢复"));
        assertThat(utility.value("select status from outage where id = ?", id)).isEqualTo("PUBLISHED");

        form(owner).formParam("csrf", csrf).formParam("version", "2")
                .formParam("estimatedRestoreAt", TestUtility.NOW.plusHours(5).toString())
                .post(page + "/estimate").then().statusCode(303).header("Location", endsWith(page));
        form(owner).formParam("csrf", csrf).formParam("version", "3").formParam("transformerAreas", AREA_A)
                .post(page + "/restore").then().statusCode(303).header("Location", endsWith(page));
        console(owner).get(page).then().statusCode(200).body(containsString("已恢复供电的台区"));
        form(owner).formParam("csrf", csrf).formParam("version", "4").post(page + "/restore").then().statusCode(303);
        form(owner).formParam("csrf", csrf).formParam("version", "5").post(page + "/close").then().statusCode(303);
        assertThat(utility.value("select status from outage where id = ?", id)).isEqualTo("CLOSED");
        assertThat(fixture.fired(5)).extracting(OutageChanged::change).containsExactly(
                OutageChanged.Change.PUBLISHED, OutageChanged.Change.ESTIMATE_MOVED,
                OutageChanged.Change.PARTLY_RESTORED, OutageChanged.Change.RESTORED, OutageChanged.Change.CLOSED);
        console(owner).get("/console/outages?finished=true").then().statusCode(200)
                .body(containsString("变压器抢修"));

        console(fixture.otherAgent()).redirects().follow(false).get(page).then().statusCode(303)
                .header("Location", endsWith("/console/outages"));
    }

    @Test
    void shouldConfirmOrDismissASuspectedOutageFromTheConsole() throws Exception {
        long suspected = fixture.suspected(AREA_A, clock.instant().atOffset(java.time.ZoneOffset.UTC).minusMinutes(20));
        long wrong = fixture.suspected(AREA_B, clock.instant().atOffset(java.time.ZoneOffset.UTC).minusMinutes(10));
        SignedInStaff owner = fixture.owner();
        String page = console(owner).get("/console/outages/" + suspected).then().statusCode(200)
                .body(containsString("确认停电并发布")).body(containsString("尚无人工修改")).extract().asString();
        String csrf = csrf(page);

        form(owner).formParam("csrf", csrf).formParam("version", "1").formParam("action", "confirm")
                .formParam("cause", "lower case").post("/console/outages/" + suspected + "/edit").then()
                .statusCode(303).header("Location", endsWith("?problem=invalid-form&field=cause"));
        form(owner).formParam("csrf", csrf).formParam("version", "1").formParam("action", "confirm")
                .formParam("cause", "EQUIPMENT_FAULT")
                .formParam("estimatedRestoreAt", TestUtility.NOW.plusHours(2).toString())
                .post("/console/outages/" + suspected + "/edit").then().statusCode(303);
        form(owner).formParam("csrf", csrf).formParam("version", "1").post("/console/outages/" + wrong + "/dismiss")
                .then().statusCode(303);
        console(owner).get("/console/outages/" + suspected).then().statusCode(200)
                .body(containsString("PUBLISHED")).body(containsString("CONFIRM")).body(not(containsString("确认停电并发布")));
        assertThat(utility.value("select status from outage where id = ?", wrong)).isEqualTo("DISMISSED");
    }

    private static String csrf(String html) {
        Matcher csrf = CSRF.matcher(html);
        assertThat(csrf.find()).isTrue();
        return csrf.group(1);
    }

    private static RequestSpecification console(SignedInStaff who) {
        return RestAssured.given().cookie("gridcare_staff", who.accessToken());
    }

    private static RequestSpecification form(SignedInStaff who) {
        return console(who).redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }
}
