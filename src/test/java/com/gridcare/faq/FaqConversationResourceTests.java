package com.gridcare.faq;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.dataset.TestUtility;
import com.gridcare.escalation.EscalationFixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The bot's conversation with a signed-in resident over the API: remembered in Redis, handed to the grid service staff
 * of the resident's account after two unsure answers in a row, a request for a person or an unhelpful rating, and
 * added to the escalation already open rather than opening a second. Anonymous callers are only offered a person.
 */
@QuarkusTest
class FaqConversationResourceTests {

    /** Questions the bot is unsure about (confidence well below the 0.4 threshold), and one it answers surely. */
    private static final String UNSURE = "我有个问题想问一下";
    private static final String UNSURE_TOO = "那个东西怎么搞";
    private static final String UNSURE_THIRD = "小区里路灯不亮找谁";
    private static final String SURE = "电费在微信上怎么交";

    @Inject
    EscalationFixture fixture;

    @Inject
    TestUtility utility;

    @Inject
    KnowledgeBaseService knowledgeBase;

    private EscalationFixture.Cast cast;
    private SignedInResident resident;

    /** Other test classes regenerate the utility, and truncating staff cascades to the knowledge base. */
    @BeforeEach
    void residentWithAnAccount() throws SQLException {
        knowledgeBase.resync().await().indefinitely();
        cast = fixture.cast();
        resident = SignedInResident.signIn().bind(cast.account());
    }

    @Test
    void shouldHandTwoUnsureAnswersInARowToTheAccountsGridStaffWithBothTurns() {
        ask(resident.given(), UNSURE).body("topicId", nullValue()).body("escalate", equalTo(true))
                .body("escalationId", nullValue());
        JsonPath second = ask(resident.given(), UNSURE_TOO).body("escalate", equalTo(true))
                .body("escalationId", notNullValue()).body("alternatives", hasSize(2)).extract().jsonPath();
        long id = second.getLong("escalationId");
        assertThat(second.getString("answer")).as("a person will follow up").contains("人工客服")
                .contains("编号 " + id);

        JsonPath mine = resident.given().get("/api/v1/me/escalations").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("items.id", Long.class)).containsExactly(id);
        assertThat(mine.getString("items[0].reason")).isEqualTo("LOW_CONFIDENCE");
        assertThat(mine.getString("items[0].question")).isEqualTo(UNSURE_TOO);
        assertThat(mine.getString("items[0].accountNo")).as("routed by the only bound account")
                .isEqualTo(cast.account().accountNo());

        JsonPath staffView = fixture.staff(cast.owner()).given().get("/api/v1/staff/escalations/" + id).then()
                .statusCode(200).body("channel", equalTo("APP")).extract().jsonPath();
        assertThat(staffView.getList("conversation.from")).containsExactly("RESIDENT", "BOT", "RESIDENT");
        assertThat(staffView.getList("conversation.text", String.class)).startsWith(UNSURE).endsWith(UNSURE_TOO);
        assertThat(staffView.getString("conversation[1].text")).contains("不太确定");
        assertThat(staffView.getList("conversation.at")).doesNotContainNull();
    }

    @Test
    void shouldStartCountingAgainAfterASureAnswer() {
        for (String question : List.of(UNSURE, SURE, UNSURE_TOO)) {
            ask(resident.given(), question).body("escalationId", nullValue());
        }
        resident.given().get("/api/v1/me/escalations").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldHandAPersonRequestWithTheQuestionBeforeIt() {
        ask(resident.given(), SURE).body("topicId", equalTo("payment.wechat"));
        long id = ask(resident.given(), "转人工").body("topicId", equalTo("intent.agent.human"))
                .body("escalate", equalTo(true)).body("answer", containsString("人工客服"))
                .extract().jsonPath().getLong("escalationId");

        resident.given().get("/api/v1/me/escalations").then().statusCode(200)
                .body("items[0].id", equalTo((int) id)).body("items[0].reason", equalTo("USER_REQUEST"))
                .body("items[0].question", equalTo(SURE));
    }

    @Test
    void shouldHandAnUnhelpfulRatingToAPersonWithTheConversation() {
        ask(resident.given(), SURE).body("topicId", equalTo("payment.wechat"));
        long id = feedback(resident.given(), SURE, "payment.wechat", false).body("answer", containsString("人工客服"))
                .extract().jsonPath().getLong("escalationId");

        resident.given().get("/api/v1/me/escalations").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo((int) id))
                .body("items[0].reason", equalTo("NEGATIVE_RATING")).body("items[0].question", equalTo(SURE));
        fixture.staff(cast.owner()).given().get("/api/v1/staff/escalations/" + id).then().statusCode(200)
                .body("conversation.text[0]", equalTo(SURE))
                .body("conversation[1].from", equalTo("BOT"))
                .body("conversation[1].topicId", equalTo("payment.wechat"));
    }

    @Test
    void shouldCarryARatedQuestionTheBotNoLongerRemembers() {
        long id = feedback(resident.given(), "停电了多久能来电", "outage.restore-time", false)
                .extract().jsonPath().getLong("escalationId");
        fixture.staff(cast.owner()).given().get("/api/v1/staff/escalations/" + id).then().statusCode(200)
                .body("reason", equalTo("NEGATIVE_RATING"))
                .body("conversation", hasSize(1)).body("conversation[0].text", equalTo("停电了多久能来电"));
    }

    @Test
    void shouldThankForAHelpfulRatingAndOpenNothing() {
        feedback(resident.given(), SURE, "payment.wechat", true).body("answer", equalTo("感谢您的反馈！"))
                .body("escalationId", nullValue());
        resident.given().get("/api/v1/me/escalations").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldAddToTheEscalationStillOpenRatherThanOpenASecond() {
        long open = EscalationFixture.escalate(resident, cast.account().accountNo(), "电费怎么这么高").statusCode(201)
                .extract().jsonPath().getLong("id");

        ask(resident.given(), UNSURE).body("escalationId", nullValue());
        ask(resident.given(), UNSURE_TOO).body("escalationId", equalTo((int) open))
                .body("answer", containsString("处理中")).body("answer", containsString("编号 " + open));
        feedback(resident.given(), SURE, "payment.wechat", false).body("escalationId", equalTo((int) open));

        resident.given().get("/api/v1/me/escalations").then().statusCode(200).body("items", hasSize(1));
        JsonPath staffView = fixture.staff(cast.owner()).given().get("/api/v1/staff/escalations/" + open).then()
                .statusCode(200).body("reason", equalTo("USER_REQUEST")).extract().jsonPath();
        assertThat(staffView.getList("conversation.findAll { it.from == 'RESIDENT' }.text", String.class))
                .as("the app's turns, then those of the bot's two hand-overs")
                .containsExactly("电费怎么这么高", "转人工", UNSURE, UNSURE_TOO, SURE);
    }

    @Test
    void shouldOnlyOfferAPersonToAnAnonymousCaller() throws SQLException {
        long before = utility.count("select count(*) from escalation");
        for (String question : List.of(UNSURE, UNSURE_TOO, UNSURE_THIRD)) {
            ask(given(), question).body("escalate", equalTo(true)).body("escalationId", nullValue());
        }
        ask(given(), "转人工").body("escalate", equalTo(true)).body("escalationId", nullValue())
                .body("answer", not(containsString("编号")));
        feedback(given(), SURE, "payment.wechat", false).body("answer", containsString("登录后"))
                .body("escalationId", nullValue());
        assertThat(utility.count("select count(*) from escalation")).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnInvalidTokenRatherThanTreatItAsAnonymous() {
        given().header("Authorization", "Bearer not.a.token").contentType(ContentType.JSON)
                .body(Map.of("question", UNSURE)).post("/api/v1/faq/ask").then().statusCode(401)
                .contentType("application/problem+json");
    }

    private static ValidatableResponse ask(RequestSpecification as, String question) {
        return as.contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/v1/faq/ask").then()
                .statusCode(200);
    }

    private static ValidatableResponse feedback(RequestSpecification as, String question, String topicId,
            boolean helpful) {
        return as.contentType(ContentType.JSON)
                .body(Map.of("question", question, "topicId", topicId, "helpful", helpful))
                .post("/api/v1/faq/feedback").then().statusCode(200);
    }
}
