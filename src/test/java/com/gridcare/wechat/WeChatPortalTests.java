package com.gridcare.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.gridcare.dataset.TestUtility;
import com.gridcare.notify.OutboxDispatcher;
import com.gridcare.wechat.portal.WeChatPortal;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(WeChatApiFake.class)
class WeChatPortalTests {

    private static final ExecutorService CONCURRENT = Executors.newFixedThreadPool(3);

    @WeChatApiFake.InjectWeChatApi
    WireMockServer api;

    @Inject
    CountingTextAnswerer answerer;

    @Inject
    TestUtility utility;

    @Inject
    OutboxDispatcher dispatcher;

    private final WeChatSender wechat = new WeChatSender();

    @BeforeEach
    void fakeWeChatApi() {
        api.resetAll();
        api.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
                .willReturn(okJson("{\"access_token\":\"TOKEN-P\",\"expires_in\":7200}")));
        api.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    }

    @AfterAll
    static void stopThreads() {
        CONCURRENT.shutdownNow();
    }

    @Test
    void shouldEchoTheVerificationStringWhenSigned() {
        String timestamp = wechat.now();
        wechat.signed(timestamp, "123456").queryParam("echostr", "echo-9876").get(WeChatSender.PORTAL)
                .then().statusCode(200).body(equalTo("echo-9876"));
    }

    @Test
    void shouldRefuseVerificationWithAWrongSignature() {
        given().queryParam("signature", "0000").queryParam("timestamp", wechat.now())
                .queryParam("nonce", "1").queryParam("echostr", "x").get(WeChatSender.PORTAL)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:gridcare:problem:bad-signature"));
    }

    @Test
    void shouldAnswerAPlaintextMessageWithAPassiveReply() {
        String openid = WeChatSender.openid();
        String question = "电费可以在哪些地方交";
        String reply = wechat.post(WeChatSender.text(openid, question, WeChatSender.msgId()))
                .then().statusCode(200).contentType(containsString("xml")).extract().asString();
        XmlPath xml = new XmlPath(reply);
        assertThat(xml.getString("xml.ToUserName")).isEqualTo(openid);
        assertThat(xml.getString("xml.FromUserName")).isEqualTo(WeChatSender.ACCOUNT);
        assertThat(xml.getString("xml.MsgType")).isEqualTo("text");
        String botAnswer = io.restassured.RestAssured.given().contentType("application/json")
                .body("{\"question\":\"" + question + "\"}").post("/api/v1/faq/ask").then().statusCode(200)
                .extract().path("answer");
        assertThat(xml.getString("xml.Content")).as("the FAQ bot answers the chat").isEqualTo(botAnswer).isNotBlank();
    }

    @Test
    void shouldAnswerASafeModeMessageEncrypted() {
        String openid = WeChatSender.openid();
        String reply = wechat.postEncrypted(WeChatSender.text(openid, "人工", WeChatSender.msgId()))
                .then().statusCode(200).extract().asString();
        assertThat(reply).contains("<Encrypt>").doesNotContain("人工客服");
        XmlPath plain = new XmlPath(wechat.decryptReply(reply));
        assertThat(plain.getString("xml.ToUserName")).isEqualTo(openid);
        assertThat(plain.getString("xml.Content")).contains("人工客服");
    }

    @Test
    void shouldAnswerACompatibleModeMessageEncrypted() {
        String reply = wechat.postCompatible(WeChatSender.text(WeChatSender.openid(), "报修", WeChatSender.msgId()))
                .then().statusCode(200).extract().asString();
        assertThat(new XmlPath(wechat.decryptReply(reply)).getString("xml.Content"))
                .contains("https://h5.test.invalid/repair");
    }

    @Test
    void shouldRefuseASafeModeMessageWithAWrongMessageSignature() {
        String question = "绑定" + WeChatSender.nonce();
        wechat.encrypted(WeChatSender.text(WeChatSender.openid(), question, WeChatSender.msgId()), false,
                "0123456789abcdef0123456789abcdef01234567")
                .post(WeChatSender.PORTAL).then().statusCode(403)
                .body("type", equalTo("urn:gridcare:problem:bad-signature"));
        assertThat(answerer.timesAnswered(question)).isZero();
    }

    @Test
    void shouldHandleEachMessageOnceWhenWeChatDeliversItThreeTimes() {
        double handledBefore = deliveries("handled");
        double repeatsBefore = deliveries("repeat");
        String question = "电费" + WeChatSender.nonce();
        String message = WeChatSender.text(WeChatSender.openid(), question, WeChatSender.msgId());
        List<String> replies = List.of(wechat.post(message).asString(), wechat.post(message).asString(),
                wechat.post(message).asString());
        assertThat(replies.stream().filter(WeChatPortal.SUCCESS::equals)).hasSize(2);
        assertThat(answerer.timesAnswered(question)).isEqualTo(1);
        assertThat(deliveries("handled") - handledBefore).isEqualTo(1);
        assertThat(deliveries("repeat") - repeatsBefore).isEqualTo(2);
    }

    /** The portal's counter of verified deliveries, as operators scrape it. */
    private static double deliveries(String outcome) {
        String prefix = "gridcare_wechat_deliveries_total{outcome=\"" + outcome + "\"} ";
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(prefix)).mapToDouble(line -> Double.parseDouble(
                        line.substring(prefix.length()).trim()))
                .findFirst().orElse(0);
    }

    @Test
    void shouldHandleEachMessageOnceWhenDeliveriesArriveTogether() throws Exception {
        String question = "用电量" + WeChatSender.nonce();
        String message = WeChatSender.text(WeChatSender.openid(), question, WeChatSender.msgId());
        Callable<Response> delivery = () -> wechat.postEncrypted(message);
        List<Future<Response>> deliveries = CONCURRENT.invokeAll(List.of(delivery, delivery, delivery));
        int successes = 0;
        for (Future<Response> response : deliveries) {
            assertThat(response.get().statusCode()).isEqualTo(200);
            successes += WeChatPortal.SUCCESS.equals(response.get().asString()) ? 1 : 0;
        }
        // the first delivery's reply is "success" too if a loaded machine stretches it past the reply budget
        assertThat(successes).isBetween(2, 3);
        assertThat(answerer.timesAnswered(question)).isEqualTo(1);
    }

    @Test
    void shouldKeepDistinctEventsOfOneSecondApart() {
        String openid = WeChatSender.openid();
        long second = Instant.now().getEpochSecond();
        String bill = wechat.post(WeChatSender.event(openid, "CLICK", "LATEST_BILL", second)).asString();
        String agent = wechat.post(WeChatSender.event(openid, "CLICK", "HUMAN_AGENT", second)).asString();
        assertThat(new XmlPath(bill).getString("xml.Content")).contains("请先绑定");
        assertThat(new XmlPath(agent).getString("xml.Content")).contains("客服人员");
        assertThat(wechat.post(WeChatSender.event(openid, "CLICK", "HUMAN_AGENT", second)).asString())
                .isEqualTo(WeChatPortal.SUCCESS);
    }

    @Test
    void shouldAnswerAVerbatimRepeatOnceAndRefuseAnotherMessageUnderAUsedNonce() {
        String timestamp = wechat.now();
        String nonce = WeChatSender.nonce();
        String question = "停电" + nonce;
        String message = WeChatSender.text(WeChatSender.openid(), question, WeChatSender.msgId());
        String first = wechat.signed(timestamp, nonce).body(message).post(WeChatSender.PORTAL).then().statusCode(200)
                .extract().asString();
        assertThat(first).isNotEqualTo(WeChatPortal.SUCCESS);
        wechat.signed(timestamp, nonce).body(message).post(WeChatSender.PORTAL).then().statusCode(200)
                .body(equalTo(WeChatPortal.SUCCESS));

        String otherQuestion = "停电" + WeChatSender.nonce();
        String altered = WeChatSender.text(WeChatSender.openid(), otherQuestion, WeChatSender.msgId());
        wechat.signed(timestamp, nonce).body(altered).post(WeChatSender.PORTAL).then().statusCode(403)
                .body("type", equalTo("urn:gridcare:problem:replayed-request"));
        assertThat(answerer.timesAnswered(question)).isEqualTo(1);
        assertThat(answerer.timesAnswered(otherQuestion)).isZero();
    }

    @Test
    void shouldRefuseAWrongSignatureAndDoNothing() {
        String question = "电费" + WeChatSender.nonce();
        given().contentType("text/xml; charset=UTF-8").queryParam("signature", "da39a3ee5e6b4b0d3255bfef95601890afd80709")
                .queryParam("timestamp", wechat.now()).queryParam("nonce", "42")
                .body(WeChatSender.text(WeChatSender.openid(), question, WeChatSender.msgId()))
                .post(WeChatSender.PORTAL).then().statusCode(403)
                .body("type", equalTo("urn:gridcare:problem:bad-signature"));
        assertThat(answerer.timesAnswered(question)).isZero();
    }

    @Test
    void shouldRefuseAStaleTimestamp() {
        String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
        String question = "电费" + WeChatSender.nonce();
        wechat.signed(stale, WeChatSender.nonce())
                .body(WeChatSender.text(WeChatSender.openid(), question, WeChatSender.msgId()))
                .post(WeChatSender.PORTAL).then().statusCode(403)
                .body("type", equalTo("urn:gridcare:problem:stale-request"));
        String future = Long.toString(Instant.now().plus(Duration.ofMinutes(6)).getEpochSecond());
        wechat.signed(future, WeChatSender.nonce())
                .body(WeChatSender.text(WeChatSender.openid(), question, WeChatSender.msgId()))
                .post(WeChatSender.PORTAL).then().statusCode(403);
        assertThat(answerer.timesAnswered(question)).isZero();
    }

    @Test
    void shouldRefuseXmlWithAnExternalEntity() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE xml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>
                <CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>&secret;</Content>
                <MsgId>1</MsgId></xml>""";
        wechat.post(xxe).then().statusCode(400).body("type", equalTo("urn:gridcare:problem:malformed-wechat-message"))
                .body(org.hamcrest.Matchers.not(containsString("root:")));
        wechat.postEncrypted(xxe).then().statusCode(400);
    }

    @Test
    void shouldRefuseAnOversizedBody() {
        String padding = "a".repeat(70_000);
        wechat.post(WeChatSender.text(WeChatSender.openid(), padding, WeChatSender.msgId()))
                .then().statusCode(413).body("type", equalTo("urn:gridcare:problem:payload-too-large"));
    }

    @Test
    void shouldRefuseNonXml() {
        wechat.post("{\"MsgType\":\"text\"}").then().statusCode(400);
        wechat.post("").then().statusCode(400);
        wechat.post("<xml><Content>no type</Content></xml>").then().statusCode(400);
    }

    @Test
    void shouldIgnoreUnknownMessageTypes() {
        wechat.post(WeChatSender.message(WeChatSender.openid(), "hologram", "<MsgId>" + WeChatSender.msgId()
                + "</MsgId>")).then().statusCode(200).body(equalTo("success"));
        wechat.post(WeChatSender.event(WeChatSender.openid(), "future_event", null)).then().statusCode(200)
                .body(equalTo("success"));
    }

    @Test
    void shouldSayWhatItHandlesWhenSentAPicture() {
        String reply = wechat.post(WeChatSender.image(WeChatSender.openid(), WeChatSender.msgId())).asString();
        assertThat(new XmlPath(reply).getString("xml.Content")).contains("文字");
    }

    @Test
    void shouldAnswerUnknownAccountsWithNotFound() {
        wechat.signed(wechat.now(), WeChatSender.nonce()).body(WeChatSender.text("o1", "x", 1))
                .post("/wechat/portal/wxunknown").then().statusCode(404);
    }

    @Test
    void shouldServeASecondAccountWithItsOwnToken() {
        String timestamp = wechat.now();
        given().queryParam("signature", me.chanjar.weixin.common.util.crypto.SHA1.gen("testtoken2", timestamp, "7"))
                .queryParam("timestamp", timestamp).queryParam("nonce", "7").queryParam("echostr", "two")
                .get("/wechat/portal/wxtest000000000002").then().statusCode(200).body(equalTo("two"));
        wechat.signed(timestamp, "8").queryParam("echostr", "two").get("/wechat/portal/wxtest000000000002")
                .then().statusCode(403);
    }

    @Test
    void shouldReplySuccessInTimeAndSendASlowAnswerAsKefuMessageThroughTheOutbox() throws Exception {
        String openid = WeChatSender.openid();
        String question = CountingTextAnswerer.SLOW + "我要转人工";
        // "success" rather than the answer: the reply left before the answer was ready (timing it would be flaky on
        // a loaded machine)
        wechat.post(WeChatSender.text(openid, question, WeChatSender.msgId())).then().statusCode(200)
                .body(equalTo("success"));
        String written = "select channel_code, status, payload->>'text' from outbox_message "
                + "where recipient = ? and topic = 'CHAT_ANSWER'";
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (utility.rows(written, openid).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Object[]> late = utility.rows(written, openid);
        assertThat(late).as("the late answer, written down before it is sent").hasSize(1);
        assertThat(late.get(0)[0]).isEqualTo("WECHAT_CUSTOMER_SERVICE");
        assertThat(late.get(0)[1]).isEqualTo("PENDING");
        assertThat((String) late.get(0)[2]).contains("人工客服");

        // other tests' messages may be due before it
        for (int round = 0; round < 20 && "PENDING".equals(utility.value(
                "select status from outbox_message where recipient = ? and topic = 'CHAT_ANSWER'", openid)); round++) {
            dispatcher.dispatchDue().await().indefinitely();
        }
        api.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
                .withQueryParam("access_token", com.github.tomakehurst.wiremock.client.WireMock.matching(".+"))
                .withRequestBody(containing("\"touser\":\"" + openid + "\""))
                .withRequestBody(containing("\"msgtype\":\"text\""))
                .withRequestBody(containing("人工客服")));
        assertThat(utility.value("select status from outbox_message where recipient = ? and topic = 'CHAT_ANSWER'",
                openid)).isEqualTo("SENT");
    }
}
