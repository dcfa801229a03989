package com.gridcare.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import java.net.URL;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.gridcare.console.Chromium;
import com.gridcare.dataset.TestUtility;
import com.gridcare.escalation.EscalationFixture;
import com.gridcare.notify.OutboxDispatcher;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * An escalation from end to end, through the interfaces people use: a follower of the official account signs in on
 * the H5 page and binds their account, asks the bot in the chat and then for a person (转人工, as WeChat's XML); the
 * grid service staff member who owns the account's area signs in to the console (headless Chromium), claims, replies
 * and resolves; the reply is queued for the follower in the outbox and shows in their escalations. The outbox row is
 * where delivery over WeChat starts, which is why WeChat's API is the local fake here: a dispatcher's send is checked
 * after the last step.
 */
@QuarkusTest
@WithTestResource(WeChatApiFake.class)
class WeChatEscalationRoundTripTests {

    private static final Pattern ESCALATION_NUMBER = Pattern.compile("编号 (\\d+)");
    private static final String QUESTION = "我有个问题想问一下";
    private static final String KEFU = "/cgi-bin/message/custom/send";
    private static final String REPLY = "您好，您反映的情况我们已登记，网格经理今天下午会联系您。";

    private static Chromium chromium;

    @WeChatApiFake.InjectWeChatApi
    WireMockServer api;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EscalationFixture fixture;

    @Inject
    TestUtility utility;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final WeChatSender wechat = new WeChatSender();

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
    void shouldCarryAFollowersRequestForAPersonToTheConsoleAndTheReplyBackToThem() throws SQLException {
        EscalationFixture.Cast cast = fixture.cast();
        fixture.staff(cast.owner());
        String openid = WeChatSender.openid();

        chat(WeChatSender.event(openid, "subscribe", null));
        String token = signInOnTheH5Page(openid);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"accountNo\":\"" + cast.account().accountNo() + "\",\"mobileLast4\":\""
                        + cast.account().mobile().substring(cast.account().mobile().length() - 4) + "\"}")
                .post("/api/v1/me/accounts").then().statusCode(201);

        Assertions.assertThat(chat(WeChatSender.text(openid, QUESTION, WeChatSender.msgId()))).contains("不太确定");
        String handedOver = chat(WeChatSender.text(openid, "转人工", WeChatSender.msgId()));
        Matcher number = ESCALATION_NUMBER.matcher(handedOver);
        Assertions.assertThat(number.find()).as("the reply names the escalation: %s", handedOver).isTrue();
        long id = Long.parseLong(number.group(1));
        Assertions.assertThat(utility.value("select s.staff_no from escalation e join staff s on s.id = "
                + "e.assigned_staff_id where e.id = ?", id)).as("in the area owner's queue").isEqualTo(cast.owner());

        workInTheConsole(cast.owner(), id);

        long resident = (Long) utility.value("select resident_id from wechat_user where appid = ? and openid = ?",
                WeChatSender.APPID, openid);
        List<Object[]> queued = utility.rows("""
                select recipient, status, payload->>'text', payload->'data'->>'escalationId'
                  from outbox_message where resident_id = ? and topic = 'ESCALATION_REPLY'""", resident);
        Assertions.assertThat(queued).hasSize(1);
        Assertions.assertThat(queued.get(0)).as("queued for the follower")
                .containsExactly(openid, "PENDING", "客服回复：" + REPLY, String.valueOf(id));

        api.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
                .willReturn(okJson("{\"access_token\":\"ROUND-TRIP-TOKEN\",\"expires_in\":7200}")));
        api.stubFor(post(urlPathEqualTo(KEFU)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        breakers.resetAll();
        dispatcher.dispatchDue().await().indefinitely();
        api.verify(1, postRequestedFor(urlPathEqualTo(KEFU)).withRequestBody(equalToJson("{\"touser\":\"" + openid
                + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"客服回复：" + REPLY + "\"}}")));
        Assertions.assertThat(utility.value("select status from outbox_message where resident_id = ? "
                + "and topic = 'ESCALATION_REPLY'", resident)).as("delivered in the chat").isEqualTo("SENT");

        JsonPath mine = given().auth().oauth2(token).get("/api/v1/me/escalations").then().statusCode(200)
                .extract().jsonPath();
        Assertions.assertThat(mine.getLong("items[0].id")).isEqualTo(id);
        Assertions.assertThat(mine.getString("items[0].status")).isEqualTo("RESOLVED");
        Assertions.assertThat(mine.getString("items[0].question")).isEqualTo(QUESTION);
        Assertions.assertThat(mine.getString("items[0].replies[0].text")).isEqualTo(REPLY);
    }

    /** WeChat web authorisation: the code WeChat gives the H5 page becomes a session for the follower's resident. */
    private String signInOnTheH5Page(String openid) {
        String code = "CODE-" + UUID.randomUUID();
        api.stubFor(get(urlPathEqualTo("/sns/oauth2/access_token")).withQueryParam("code", equalTo(code))
                .willReturn(okJson("{\"access_token\":\"WEB-TOKEN\",\"expires_in\":7200,\"refresh_token\":\"R\","
                        + "\"openid\":\"" + openid + "\",\"scope\":\"snsapi_base\"}")));
        return given().contentType(ContentType.JSON)
                .body("{\"appid\":\"" + WeChatSender.APPID + "\",\"code\":\"" + code + "\"}")
                .post("/api/v1/auth/wechat-sessions").then().statusCode(201).extract().path("accessToken");
    }

    private void workInTheConsole(String staffNo, long id) {
        try (var context = chromium.newContext(); Page page = context.newPage()) {
            Chromium.signIn(page, url("console/queue"), staffNo);
            assertThat(page.locator("tr[data-escalation='" + id + "'] .question")).hasText(QUESTION);
            page.click("tr[data-escalation='" + id + "'] a");
            assertThat(page.locator(".conversation li.RESIDENT")).hasCount(2);
            assertThat(page.locator(".conversation")).containsText(QUESTION);
            assertThat(page.locator(".conversation li.RESIDENT").last()).containsText("转人工");
            page.click("#claim");
            assertThat(page.locator("#status")).hasText("CLAIMED");
            page.fill("#reply-text", REPLY);
            page.click("#reply");
            assertThat(page.locator("#replies")).containsText(REPLY);
            page.click("#resolve");
            assertThat(page.locator("#status")).hasText("RESOLVED");
        }
    }

    /** The passive reply's text; the test budget is generous, so it is never deferred to the kefu API. */
    private String chat(String xml) {
        return new XmlPath(wechat.post(xml).then().statusCode(200).extract().asString()).getString("xml.Content");
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + "/" + path;
    }
}
