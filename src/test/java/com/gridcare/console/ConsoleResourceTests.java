package com.gridcare.console;

import static com.gridcare.escalation.EscalationFixture.escalate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.dataset.TestUtility;
import com.gridcare.escalation.EscalationFixture;
import com.gridcare.faq.TestKnowledgeBase;
import com.gridcare.staff.SignedInStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The console's pages over HTTP: sign-in and its cookie, escaping, CSRF tokens on forms, scope, the FAQ entry form's
 * refusals.
 */
@QuarkusTest
class ConsoleResourceTests {

    private static final String COOKIE = "gridcare_staff";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    EscalationFixture fixture;

    @Inject
    TestUtility utility;

    @Inject
    TestKnowledgeBase knowledgeBase;

    private EscalationFixture.Cast cast;

    @BeforeEach
    void cast() throws SQLException {
        cast = fixture.cast();
    }

    @Test
    void shouldSendStrangersToTheSignInPage() {
        RestAssured.given().redirects().follow(false).get("/console/queue").then().statusCode(303)
                .header("Location", endsWith("/console/sign-in"));
        RestAssured.given().get("/console/sign-in").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("员工登录"));
    }

    @Test
    void shouldSignInWithAFormIntoAStrictHttpOnlyCookie() {
        fixture.staff(cast.owner());
        Response response = signIn(cast.owner(), SignedInStaff.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Set-Cookie")).contains(COOKIE + "=").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/");
        signIn(cast.owner(), "wrong password").then().statusCode(401).body(containsString("工号或密码不正确"));
    }

    @Test
    void shouldEscapeWhatResidentsWroteAndGuardFormsWithTheSessionsToken() throws SQLException {
        SignedInResident resident = SignedInResident.signIn().bind(cast.account());
        String attack = "<script>alert('x')</script><img src=x onerror=alert(1)>电费";
        long id = escalate(resident, cast.account().accountNo(), attack).statusCode(201)
                .extract().jsonPath().getLong("id");
        String token = token(cast.owner());

        String queue = as(token).get("/console/queue").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
                .body(not(containsString("<script>alert"))).body(not(containsString("<img src=x")))
                .extract().asString();
        assertThat(queue).contains("/console/escalations/" + id);
        String page = as(token).get("/console/escalations/" + id).then().statusCode(200)
                .body(not(containsString("<script>alert"))).body(containsString("&lt;img src=x"))
                .extract().asString();

        as(token).redirects().follow(false).formParam("csrf", "forged")
                .post("/console/escalations/" + id + "/claim").then().statusCode(403);
        as(token).redirects().follow(false).post("/console/escalations/" + id + "/claim").then().statusCode(403);
        assertThat(utility.value("select status from escalation where id = ?", id)).isEqualTo("NEW");

        as(token).redirects().follow(false).formParam("csrf", csrf(page))
                .post("/console/escalations/" + id + "/claim").then().statusCode(303)
                .header("Location", endsWith("/console/escalations/" + id));
        assertThat(utility.value("select status from escalation where id = ?", id)).isEqualTo("CLAIMED");
    }

    @Test
    void shouldKeepOtherAreasEscalationsFromAnAgent() {
        SignedInResident resident = SignedInResident.signIn().bind(cast.account());
        long id = escalate(resident, cast.account().accountNo(), "别的网格看不到").statusCode(201)
                .extract().jsonPath().getLong("id");
        String token = token(cast.agentOtherDistrict());
        as(token).get("/console/escalations/" + id).then().statusCode(404);
        as(token).get("/console/queue").then().statusCode(200).body(not(containsString("别的网格看不到")));
        as(token(cast.supervisor())).get("/console/queue").then().statusCode(200)
                .body(containsString("别的网格看不到"));
    }

    @Test
    void shouldSayWhatIsWrongWithAFaqEntryAndKeepWhatWasTyped() throws SQLException {
        knowledgeBase.ensure();
        String token = token(cast.agentOtherDistrict()); // any staff role may add topics, as in the API
        String csrf = csrf(as(token).get("/console/unanswered").then().statusCode(200).extract().asString());

        form(token).formParam("csrf", csrf).formParam("topicId", "Bad Topic!").formParam("title", " ")
                .formParam("phrasings", "短问法\n" + "长".repeat(201)).formParam("answer", "<b>先断电</b>")
                .post("/console/unanswered/entries").then().statusCode(400)
                .body(containsString("id=\"problem-topicId\"")).body(containsString("id=\"problem-title\""))
                .body(containsString("id=\"problem-phrasings\"")).body(not(containsString("id=\"problem-answer\"")))
                .body(containsString("value=\"Bad Topic!\"")).body(containsString("&lt;b&gt;先断电&lt;/b&gt;"))
                .body(not(containsString("<b>先断电")));
        form(token).formParam("csrf", csrf).formParam("topicId", "payment.wechat").formParam("title", "微信交电费")
                .formParam("phrasings", "").formParam("answer", "在微信里交。")
                .post("/console/unanswered/entries").then().statusCode(409)
                .body(containsString("id=\"problem-topicTaken\"")).body(not(containsString("id=\"problem-topicId\"")));
        form(token).redirects().follow(false).formParam("topicId", "test.without-csrf").formParam("title", "无令牌")
                .formParam("phrasings", "").formParam("answer", "不应创建。")
                .post("/console/unanswered/entries").then().statusCode(403);
        assertThat(utility.count("select count(*) from faq_entry where topic_id = 'test.without-csrf'")).isZero();
    }

    private String token(String staffNo) {
        fixture.staff(staffNo);
        return signIn(staffNo, SignedInStaff.PASSWORD).cookie(COOKIE);
    }

    private static Response signIn(String staffNo, String password) {
        return RestAssured.given().redirects().follow(false).header("X-Forwarded-For", SignedInResident.newAddress())
                .formParam("staffNo", staffNo).formParam("password", password).post("/console/sign-in");
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().cookie(COOKIE, token);
    }

    /** As a browser posts a form: in UTF-8 (rest-assured's default for forms is ISO-8859-1). */
    private static RequestSpecification form(String token) {
        return as(token).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a form with a csrf field").isTrue();
        return matcher.group(1);
    }
}
