package com.gridcare.console;

import static com.gridcare.escalation.EscalationFixture.escalate;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.dataset.TestUtility;
import com.gridcare.escalation.EscalationFixture;
import com.gridcare.faq.TestKnowledgeBase;
import com.gridcare.notify.ChannelFixture;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The console as staff use it, in a real (headless) Chromium: the escalation round trip (a resident asks for a
 * person; the grid service staff member claims, replies and resolves; the reply is in the resident's inbox) and
 * turning a question the bot could not answer into a knowledge-base topic; closing a staff visit with its outcome.
 */
@QuarkusTest
class ConsoleBrowserTests {

    private static Chromium chromium;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EscalationFixture fixture;

    @Inject
    TestKnowledgeBase knowledgeBase;

    @Inject
    TestStaff testStaff;

    @Inject
    StaffPasswords passwords;

    @Inject
    TestUtility utility;

    @Inject
    ChannelFixture channels;

    @BeforeAll
    static void chromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldCarryAResidentsQuestionToStaffAndTheAnswerBack() throws SQLException {
        EscalationFixture.Cast cast = fixture.cast();
        SignedInResident resident = SignedInResident.signIn().bind(cast.account());
        String question = "<b>转人工</b> 我家电表是不是坏了？";
        long id = escalate(resident, cast.account().accountNo(), question).statusCode(201)
                .extract().jsonPath().getLong("id");
        fixture.staff(cast.owner());

        try (var context = chromium.newContext(); Page page = context.newPage()) {
            Chromium.signIn(page, url("console/queue"), cast.owner());
            assertThat(page.locator("tr[data-escalation='" + id + "'] .question")).hasText(question);

            page.click("tr[data-escalation='" + id + "'] a");
            assertThat(page.locator("#question")).hasText(question);
            assertThat(page.locator("#status")).hasText("NEW");
            page.click("#claim");
            assertThat(page.locator("#status")).hasText("CLAIMED");
            assertThat(page.locator("#mobile")).hasText(resident.mobile());

            page.fill("#reply-text", "您好，我们已安排网格经理明天上午上门检查电表。");
            page.click("#reply");
            assertThat(page.locator("#status")).hasText("REPLIED");
            assertThat(page.locator("#replies")).containsText("明天上午上门检查电表");

            page.click("#resolve");
            assertThat(page.locator("#status")).hasText("RESOLVED");
        }

        resident.given().get("/api/v1/me/inbox").then().statusCode(200)
                .body("items[0].topic", equalTo("ESCALATION_REPLY"))
                .body("items[0].text", equalTo("客服回复：您好，我们已安排网格经理明天上午上门检查电表。"));
        resident.given().get("/api/v1/me/escalations").then().statusCode(200)
                .body("items[0].id", equalTo((int) id)).body("items[0].status", equalTo("RESOLVED"));
    }

    @Test
    void shouldTurnAnUnansweredQuestionIntoATopicTheBotAnswersWith() throws SQLException {
        EscalationFixture.Cast cast = fixture.cast();
        fixture.staff(cast.owner());
        knowledgeBase.ensure();
        String question = "巷口鸡蛋灌饼摊子几点出摊";
        ask(question).body("topicId", nullValue());
        String topic = "test.outside-the-utility-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String title = "<img src=x onerror=\"document.title='xss'\">与供电无关的问题";

        try (var context = chromium.newContext(); Page page = context.newPage()) {
            Chromium.signIn(page, url("console/unanswered"), cast.owner());
            page.click("nav a[href='/console/unanswered']");
            Locator row = page.locator("#unanswered tbody tr").filter(new Locator.FilterOptions().setHasText(question));
            assertThat(row).hasCount(1);
            row.locator("button.answer-question").click();
            assertThat(page.locator("#entry-phrasings")).hasValue(question);

            page.fill("#entry-topic", topic);
            page.fill("#entry-title", title);
            page.fill("#entry-answer", "这不是供电公司的业务，我们无法解答，请向相关商户咨询。");
            page.click("#entry-create");

            assertThat(page.locator("#created")).containsText(topic);
            assertThat(page.locator("#created-title")).hasText(title);
            assertThat(page.locator("main img")).hasCount(0);
            assertThat(page).not().hasTitle("xss");
            assertThat(page.locator("#unanswered tbody tr").filter(new Locator.FilterOptions().setHasText(question)))
                    .hasCount(0);
        }

        try {
            ask(question).body("topicId", equalTo(topic));
            Assertions.assertThat(utility.value("select distinct handled_topic_id from faq_unanswered where question = ?",
                    question)).as("the question is handled by the topic").isEqualTo(topic);
        } finally {
            SignedInStaff.admin(testStaff, passwords).given().delete("/api/v1/faq/entries/" + topic).then()
                    .statusCode(204);
        }
    }

    private static ValidatableResponse ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/v1/faq/ask").then()
                .statusCode(200);
    }

    @Test
    void shouldCloseAVisitWithWhatTheStaffMemberFound() throws SQLException {
        utility.ensureGenerated();
        String owner = testStaff.ensure((int) TestUtility.FIRST_TEST_ID + 80, "AGENT", 1, true);
        SignedInStaff.signIn(passwords, owner);
        long customer = channels.customer((int) TestUtility.FIRST_TEST_ID + 80);
        String key = channels.remind(channels.resident(SignedInResident.newMobile()), customer, "STAFF_VISIT");
        channels.dispatch();
        String task = "tr[data-task='" + utility.value("select id from field_task where customer_id = ?", customer)
                + "']";

        try (var context = chromium.newContext(); Page page = context.newPage()) {
            Chromium.signIn(page, url("console/queue"), owner);
            page.click("text=外呼与走访");
            assertThat(page.locator(task)).containsText("T" + customer);
            page.selectOption(task + " select[name=outcome]", "PROMISED_TO_PAY");
            page.fill(task + " input[name=note]", "户主承诺周五前缴清");
            page.click(task + " button[type=submit]");
            assertThat(page.locator("h1")).hasText("外呼与走访");
            assertThat(page.locator(task)).hasCount(0);

            page.click("text=已完成");
            assertThat(page.locator(task)).containsText("户主承诺周五前缴清");
        }
        Assertions.assertThat(channels.outcomes(key)).containsExactly("STAFF_VISIT PROMISED_TO_PAY");
        utility.removeTestRows();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + "/" + path;
    }
}
