package com.gridcare.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;
import com.gridcare.wechat.api.WeChatAccounts;
import com.gridcare.wechat.api.WeChatApi;
import com.gridcare.wechat.menu.MenuKey;
import com.gridcare.wechat.menu.WeChatMenus;
import com.gridcare.wechat.notice.WeChatMessenger;

import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;

/** WeChat's API side: the shared access_token, the kefu and template channel, menu publishing; WireMock is WeChat. */
@QuarkusTest
@WithTestResource(WeChatApiFake.class)
class WeChatApiTests {

    private static final String APPID = WeChatSender.APPID;
    private static final String TOKEN_KEY = WeChatAccounts.REDIS_PREFIX + ":access_token:" + APPID;
    private static final String KEFU = "/cgi-bin/message/custom/send";
    private static final String TEMPLATE = "/cgi-bin/message/template/send";
    private static final String STABLE_TOKEN = "/cgi-bin/stable_token";

    @WeChatApiFake.InjectWeChatApi
    WireMockServer api;

    @Inject
    WeChatMessenger messenger;

    @Inject
    WeChatConfig config;

    @Inject
    WeChatApi wechatApi;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    RedisDataSource redis;

    @Inject
    TestUtility utility;

    @Inject
    MutableClock clock;

    @Inject
    TestStaff staff;

    @Inject
    StaffPasswords passwords;

    private String openid;

    /** Publishing a menu is for administrators. */
    private RequestSpecification admin() {
        return SignedInStaff.admin(staff, passwords).given();
    }

    @BeforeEach
    void freshWeChat() throws Exception {
        api.resetAll();
        breakers.resetAll();
        api.stubFor(post(urlPathEqualTo(STABLE_TOKEN))
                .willReturn(okJson("{\"access_token\":\"TOKEN-1\",\"expires_in\":7200}")));
        redis.key().del(TOKEN_KEY);
        openid = WeChatSender.openid();
    }

    @AfterEach
    void cleanUp() throws Exception {
        utility.execute("delete from wechat_user where openid = ?", openid);
        clock.reset();
    }

    private void follower(boolean subscribed, Duration sinceLastMessage) throws Exception {
        utility.execute("insert into wechat_user (appid, openid, subscribed, last_interaction_at) values (?, ?, ?, ?)",
                APPID, openid, subscribed, clock.instant().minus(sinceLastMessage).atOffset(ZoneOffset.UTC));
    }

    private void kefuAnswers(String json) {
        api.stubFor(post(urlPathEqualTo(KEFU)).willReturn(okJson(json)));
    }

    @Test
    void shouldSendAKefuMessageInsideTheWindowWithTheSharedToken() throws Exception {
        follower(true, Duration.ofHours(47));
        kefuAnswers("{\"errcode\":0,\"errmsg\":\"ok\"}");
        assertThat(messenger.sendText(APPID, openid, "您的报修已受理").await().indefinitely())
                .isEqualTo(WeChatMessenger.Outcome.SENT);
        api.verify(1, postRequestedFor(urlPathEqualTo(STABLE_TOKEN)).withRequestBody(equalToJson(
                "{\"grant_type\":\"client_credential\",\"appid\":\"" + APPID + "\",\"secret\":\"test-secret\","
                        + "\"force_refresh\":false}")));
        api.verify(1, postRequestedFor(urlPathEqualTo(KEFU)).withQueryParam("access_token", equalTo("TOKEN-1"))
                .withRequestBody(equalToJson("{\"touser\":\"" + openid + "\",\"msgtype\":\"text\","
                        + "\"text\":{\"content\":\"您的报修已受理\"}}")));
        assertThat(redis.value(String.class).get(TOKEN_KEY)).isEqualTo("TOKEN-1");
        assertThat(redis.key().ttl(TOKEN_KEY)).isBetween(7000L, 7200L);
    }

    @Test
    void shouldReportTheChannelUnavailableOutsideTheWindowWithoutCallingWeChat() throws Exception {
        follower(true, Duration.ofHours(49));
        assertThat(messenger.sendText(APPID, openid, "x").await().indefinitely())
                .isEqualTo(WeChatMessenger.Outcome.CHANNEL_UNAVAILABLE);
        assertThat(messenger.sendText(APPID, WeChatSender.openid(), "x").await().indefinitely())
                .isEqualTo(WeChatMessenger.Outcome.CHANNEL_UNAVAILABLE);
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldNotSendToAFollowerWhoLeft() throws Exception {
        follower(false, Duration.ofMinutes(5));
        assertThat(messenger.sendText(APPID, openid, "x").await().indefinitely())
                .isEqualTo(WeChatMessenger.Outcome.CHANNEL_UNAVAILABLE);
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldMarkAFollowerUnsubscribedWhenWeChatSays43004() throws Exception {
        follower(true, Duration.ofHours(1));
        kefuAnswers("{\"errcode\":43004,\"errmsg\":\"require subscribe\"}");
        assertThat(messenger.sendText(APPID, openid, "x").await().indefinitely())
                .isEqualTo(WeChatMessenger.Outcome.UNSUBSCRIBED);
        assertThat(utility.value("select subscribed from wechat_user where openid = ?", openid)).isEqualTo(false);
        api.verify(1, postRequestedFor(urlPathEqualTo(KEFU)));
    }

    @Test
    void shouldReportTheChannelUnavailableWhenWeChatSaysOutOfWindow() throws Exception {
        follower(true, Duration.ofHours(1));
        kefuAnswers("{\"errcode\":45047,\"errmsg\":\"out of response count limit\"}");
        assertThat(messenger.sendText(APPID, openid, "x").await().indefinitely())
                .isEqualTo(WeChatMessenger.Outcome.CHANNEL_UNAVAILABLE);
        api.verify(1, postRequestedFor(urlPathEqualTo(KEFU)));
    }

    @Test
    void shouldReportTheChannelUnavailableWhenTheAccountsDailyQuotaIsUsedUp() throws Exception {
        follower(true, Duration.ofHours(1));
        kefuAnswers("{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}");
        assertThat(messenger.sendText(APPID, openid, "x").await().indefinitely())
                .as("another channel takes it today: the quota is back tomorrow")
                .isEqualTo(WeChatMessenger.Outcome.CHANNEL_UNAVAILABLE);
    }

    @Test
    void shouldRepeatAKefuTextWeChatWasTooBusyToTake() throws Exception {
        follower(true, Duration.ofHours(1));
        api.stubFor(post(urlPathEqualTo(KEFU)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"system busy\"}")).willSetStateTo("calm"));
        api.stubFor(post(urlPathEqualTo(KEFU)).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        assertThat(messenger.sendText(APPID, openid, "x").await().indefinitely())
                .isEqualTo(WeChatMessenger.Outcome.SENT);
        api.verify(2, postRequestedFor(urlPathEqualTo(KEFU)));
    }

    @Test
    void shouldNotRepeatAKefuTextWhoseAnswerWasLost() throws Exception {
        follower(true, Duration.ofHours(1));
        api.stubFor(post(urlPathEqualTo(KEFU)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        assertThat(messenger.sendText(APPID, openid, "x").await().indefinitely())
                .as("WeChat may have delivered it").isEqualTo(WeChatMessenger.Outcome.UNCERTAIN);
        api.verify(1, postRequestedFor(urlPathEqualTo(KEFU)));
    }

    @Test
    void shouldRefreshAnInvalidTokenOnceAndRetry() throws Exception {
        follower(true, Duration.ofHours(1));
        redis.value(String.class).setex(TOKEN_KEY, 3600, "STALE");
        api.stubFor(post(urlPathEqualTo(STABLE_TOKEN)).willReturn(okJson("{\"access_token\":\"TOKEN-2\",\"expires_in\":7200}")));
        api.stubFor(post(urlPathEqualTo(KEFU)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}")).willSetStateTo("fresh"));
        api.stubFor(post(urlPathEqualTo(KEFU)).inScenario("token").whenScenarioStateIs("fresh")
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        assertThat(messenger.sendText(APPID, openid, "x").await().indefinitely())
                .isEqualTo(WeChatMessenger.Outcome.SENT);
        api.verify(1, postRequestedFor(urlPathEqualTo(KEFU)).withQueryParam("access_token", equalTo("STALE")));
        api.verify(1, postRequestedFor(urlPathEqualTo(KEFU)).withQueryParam("access_token", equalTo("TOKEN-2")));
        api.verify(1, postRequestedFor(urlPathEqualTo(STABLE_TOKEN)));
    }

    @Test
    void shouldSendATemplateMessageWithItsIdempotencyKey() throws Exception {
        follower(true, Duration.ofDays(30));
        api.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}")));
        assertThat(messenger.sendTemplate(APPID, openid, WeChatMessenger.Topic.OUTAGE_NOTICE, Map.of("thing1", "计划停电", "time2", "11月28日 08:00"),
                "https://h5.test.invalid/outages/7", "outage-7-" + openid).await().indefinitely())
                .isEqualTo(new WeChatMessenger.TemplateSent(WeChatMessenger.Outcome.SENT, "200228332"));
        api.verify(1, postRequestedFor(urlPathEqualTo(TEMPLATE)).withQueryParam("access_token", equalTo("TOKEN-1"))
                .withRequestBody(equalToJson("{\"touser\":\"" + openid + "\",\"template_id\":\"tpl-outage-notice\","
                        + "\"url\":\"https://h5.test.invalid/outages/7\",\"client_msg_id\":\"outage-7-" + openid + "\","
                        + "\"data\":{\"thing1\":{\"value\":\"计划停电\"},\"time2\":{\"value\":\"11月28日 08:00\"}}}")));
        assertThat(messenger.sendTemplate(APPID, openid, WeChatMessenger.Topic.BILL_REMINDER, Map.of(), null, "k").await().indefinitely().outcome())
                .as("no template configured for the topic").isEqualTo(WeChatMessenger.Outcome.CHANNEL_UNAVAILABLE);
    }

    @Test
    void shouldFetchOneTokenForAllInstancesAtOnce() throws Exception {
        api.stubFor(post(urlPathEqualTo(STABLE_TOKEN)).willReturn(okJson("{\"access_token\":\"TOKEN-S\",\"expires_in\":7200}")
                .withFixedDelay(200)));
        // two instances: each its own WxJava services over the same Redis
        List<WeChatAccounts> instances = List.of(new WeChatAccounts(config, redis, wechatApi),
                new WeChatAccounts(config, redis, wechatApi));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                WeChatAccounts instance = instances.get(i % 2);
                calls.add(() -> instance.find(APPID).orElseThrow().service().getAccessToken());
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> token : threads.invokeAll(calls)) {
                tokens.add(token.get());
            }
            assertThat(tokens).containsOnly("TOKEN-S");
        } finally {
            threads.shutdownNow();
        }
        api.verify(1, postRequestedFor(urlPathEqualTo(STABLE_TOKEN)));
    }

    @Test
    void shouldPublishTheBundledMenu() {
        api.stubFor(post(urlPathEqualTo("/cgi-bin/menu/create")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        admin().contentType("application/json").post("/api/v1/wechat/" + APPID + "/menu").then().statusCode(200)
                .body("appid", org.hamcrest.Matchers.equalTo(APPID)).body("version", org.hamcrest.Matchers.equalTo(1))
                .body("topButtons", contains("查询", "办理", "服务"));
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent = api
                .findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/menu/create")));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).queryParameter("access_token").firstValue()).isEqualTo("TOKEN-1");
        WxMenu published = WxMenu.fromJson("{\"menu\":" + sent.get(0).getBodyAsString() + "}");
        assertThat(published.getButtons()).hasSize(3);
        assertThat(published.getButtons().get(0).getSubButtons()).extracting(WxMenuButton::getKey)
                .containsExactly("OUTAGE_STATUS", "LATEST_BILL", "CONSUMPTION");
        assertThat(published.getButtons().get(1).getSubButtons().get(2).getUrl())
                .isEqualTo("https://h5.test.invalid/bind?appid=" + APPID);
        for (WxMenuButton top : published.getButtons()) {
            for (WxMenuButton sub : top.getSubButtons()) {
                if ("click".equals(sub.getType())) {
                    assertThat(MenuKey.ofKey(sub.getKey())).as(sub.getKey()).isPresent();
                }
            }
        }
    }

    @Test
    void shouldLetOnlyAdministratorsPublishAMenu() throws Exception {
        String agent = staff.ensure((int) TestUtility.FIRST_TEST_ID + 901, "AGENT", null, false);
        SignedInStaff.signIn(passwords, agent).given().contentType("application/json")
                .post("/api/v1/wechat/" + APPID + "/menu").then().statusCode(403);
        given().contentType("application/json").post("/api/v1/wechat/" + APPID + "/menu").then().statusCode(401);
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/menu/create")))).isEmpty();
    }

    @Test
    void shouldRefuseAMenuBeyondWeChatsLimits() {
        String fourTop = "{\"button\":[{\"type\":\"click\",\"name\":\"a\",\"key\":\"A\"},{\"type\":\"click\",\"name\":\"b\",\"key\":\"B\"},"
                + "{\"type\":\"click\",\"name\":\"c\",\"key\":\"C\"},{\"type\":\"click\",\"name\":\"d\",\"key\":\"D\"}]}";
        admin().contentType("application/json").body(fourTop).post("/api/v1/wechat/" + APPID + "/menu").then()
                .statusCode(400).body("detail", containsString("1 to 3 top buttons"));
        String longKey = "{\"button\":[{\"type\":\"click\",\"name\":\"停电查询停电\",\"key\":\"" + "K".repeat(129) + "\"}]}";
        admin().contentType("application/json").body(longKey).post("/api/v1/wechat/" + APPID + "/menu").then()
                .statusCode(400).body("detail", containsString("longer than 16 bytes"))
                .body("detail", containsString("key of 1 to 128 bytes"));
        admin().contentType("application/json").body("{\"button\":").post("/api/v1/wechat/" + APPID + "/menu").then()
                .statusCode(400);
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/menu/create")))).isEmpty();
    }

    @Test
    void shouldCheckEveryMenuLimit() {
        WxMenu menu = new WxMenu();
        WxMenuButton top = new WxMenuButton();
        top.setName("服务");
        for (int i = 0; i < 6; i++) {
            WxMenuButton sub = new WxMenuButton();
            sub.setType("view");
            sub.setName("第" + i + "项");
            sub.setUrl(i == 0 ? null : "https://h5.test.invalid/" + i);
            top.getSubButtons().add(sub);
        }
        menu.getButtons().add(top);
        assertThat(WeChatMenus.violations(menu)).containsExactlyInAnyOrder(
                "'服务' has 6 sub-buttons, at most 5", "'第0项' needs a url of 1 to 1024 bytes");
        top.getSubButtons().subList(0, 2).clear();
        assertThat(WeChatMenus.violations(menu)).isEmpty();
    }

    @Test
    void shouldAnswerWeChatRefusingTheMenuWithBadGateway() {
        api.stubFor(post(urlPathEqualTo("/cgi-bin/menu/create"))
                .willReturn(okJson("{\"errcode\":40018,\"errmsg\":\"invalid button name size\"}")));
        admin().contentType("application/json").post("/api/v1/wechat/" + APPID + "/menu").then().statusCode(502)
                .body("type", org.hamcrest.Matchers.equalTo("urn:gridcare:problem:wechat-api-error"))
                .body("detail", containsString("40018"));
        admin().contentType("application/json").post("/api/v1/wechat/wxunknown/menu").then().statusCode(404);
    }

    @Test
    void shouldSignAFollowerInWithTheOAuthCodeOfTheH5Page() {
        api.stubFor(get(urlPathEqualTo("/sns/oauth2/access_token")).withQueryParam("code", equalTo("CODE-123456"))
                .willReturn(okJson("{\"access_token\":\"WEB-TOKEN\",\"expires_in\":7200,\"refresh_token\":\"R\","
                        + "\"openid\":\"" + openid + "\",\"scope\":\"snsapi_base\"}")));
        api.stubFor(get(urlPathEqualTo("/sns/oauth2/access_token")).withQueryParam("code", equalTo("USED-123456"))
                .willReturn(okJson("{\"errcode\":40163,\"errmsg\":\"code been used\"}")));

        String token = given().contentType(ContentType.JSON)
                .body("{\"appid\":\"" + APPID + "\",\"code\":\"CODE-123456\"}").post("/api/v1/auth/wechat-sessions")
                .then().statusCode(201).extract().path("accessToken");
        api.verify(1, getRequestedFor(urlPathEqualTo("/sns/oauth2/access_token")).withQueryParam("appid", equalTo(APPID))
                .withQueryParam("secret", equalTo("test-secret")).withQueryParam("grant_type", equalTo("authorization_code")));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);

        given().contentType(ContentType.JSON).body("{\"appid\":\"" + APPID + "\",\"code\":\"USED-123456\"}")
                .post("/api/v1/auth/wechat-sessions").then().statusCode(401)
                .body("type", containsString("invalid-oauth-code"));
        given().contentType(ContentType.JSON).body("{\"appid\":\"wx0000000000000000\",\"code\":\"CODE-123456\"}")
                .post("/api/v1/auth/wechat-sessions").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"appid\":\"" + APPID + "\",\"code\":\"<script>\"}")
                .post("/api/v1/auth/wechat-sessions").then().statusCode(400);
    }

    @Test
    void shouldAnswerServiceUnavailableWhileWeChatCannotExchangeTheCode() {
        api.stubFor(get(urlPathEqualTo("/sns/oauth2/access_token")).withQueryParam("code", equalTo("DOWN-123456"))
                .willReturn(aResponse().withStatus(500)));
        given().contentType(ContentType.JSON).body("{\"appid\":\"" + APPID + "\",\"code\":\"DOWN-123456\"}")
                .post("/api/v1/auth/wechat-sessions").then().statusCode(503)
                .body("type", containsString("wechat-unavailable"));
        // once and twice more (wechat.api.max-retries): exchanging a code again cannot sign anyone in twice
        api.verify(3, getRequestedFor(urlPathEqualTo("/sns/oauth2/access_token")).withQueryParam("code",
                equalTo("DOWN-123456")));
    }
}
