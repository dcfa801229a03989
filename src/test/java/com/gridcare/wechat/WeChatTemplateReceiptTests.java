package com.gridcare.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.gridcare.auth.SignedInResident;
import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;
import com.gridcare.notify.ChannelFixture;
import com.gridcare.notify.Notice;
import com.gridcare.notify.Outbox;
import com.gridcare.notify.Topic;
import com.gridcare.wechat.portal.WeChatPortal;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * WeChat's TEMPLATESENDJOBFINISH event, posted to the portal as WeChat sends it: the template message's outcome waits
 * for it, and it is recorded once per msgid; anything else it says changes nothing, and WeChat always hears "success".
 */
@QuarkusTest
@WithTestResource(WeChatApiFake.class)
class WeChatTemplateReceiptTests {

    private static final String TEMPLATE = "/cgi-bin/message/template/send";

    @WeChatApiFake.InjectWeChatApi
    WireMockServer api;

    @Inject
    ChannelFixture fixture;

    @Inject
    TestUtility utility;

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Inject
    MutableClock clock;

    @Inject
    RedisDataSource redis;

    @Inject
    CircuitBreakerMaintenance breakers;

    private WeChatSender wechat;
    private String openid;
    private long customer;

    @BeforeEach
    void follower() throws Exception {
        utility.removeTestRows();
        api.resetAll();
        api.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
                .willReturn(okJson("{\"access_token\":\"TOKEN-1\",\"expires_in\":7200}")));
        redis.key().del("gridcare:wechat:access_token:" + WeChatSender.APPID);
        breakers.resetAll();
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        wechat = new WeChatSender(clock);
        openid = WeChatSender.openid();
        long resident = fixture.resident(SignedInResident.newMobile());
        utility.execute("""
                insert into wechat_user (appid, openid, resident_id, subscribed, last_interaction_at)
                values (?, ?, ?, true, ?)""", WeChatSender.APPID, openid, resident,
                clock.instant().atOffset(ZoneOffset.UTC));
        customer = fixture.customer(null);
    }

    @AfterEach
    void cleanUp() throws Exception {
        utility.removeTestRows();
        utility.execute("delete from wechat_user where openid = ?", openid);
        clock.reset();
    }

    @Test
    void shouldWaitForTheSendJobEventAndRecordItsOutcomeOnce() throws Exception {
        long msgid = WeChatSender.msgId();
        String key = sentTemplate(msgid);
        assertThat(utility.value("select template_msgid from outbox_message where idempotency_key = ?", key))
                .isEqualTo(msgid);
        assertThat(fixture.outcomes(key)).as("WeChat taking it is not its arrival").isEmpty();

        long finished = clock.instant().getEpochSecond();
        assertThat(event(msgid, "success", finished)).isEqualTo(WeChatPortal.SUCCESS);

        assertThat(fixture.outcomes(key)).containsExactly("WECHAT_TEMPLATE DELIVERED");
        assertThat(((Timestamp) utility.value("select occurred_at from contact_outcome where customer_id = ?",
                customer)).toInstant()).isEqualTo(Instant.ofEpochSecond(finished));

        assertThat(event(msgid, "failed:user block", finished + 1)).as("a later event for the same msgid")
                .isEqualTo(WeChatPortal.SUCCESS);
        assertThat(fixture.outcomes(key)).containsExactly("WECHAT_TEMPLATE DELIVERED");
    }

    @Test
    void shouldRecordEveryFailedStatusAsFailed() throws Exception {
        long blocked = WeChatSender.msgId();
        String blockedKey = sentTemplate(blocked);
        long broken = WeChatSender.msgId();
        String brokenKey = sentTemplate(broken);
        long finished = clock.instant().getEpochSecond();

        // both in the same second to the same follower: two events, not one repeated
        assertThat(event(blocked, "failed:user block", finished)).isEqualTo(WeChatPortal.SUCCESS);
        assertThat(event(broken, "failed: system failed", finished)).isEqualTo(WeChatPortal.SUCCESS);

        assertThat(fixture.outcomes(blockedKey)).containsExactly("WECHAT_TEMPLATE FAILED");
        assertThat(fixture.outcomes(brokenKey)).containsExactly("WECHAT_TEMPLATE FAILED");
    }

    @Test
    void shouldChangeNothingForAnUnknownMsgidOrStatus() throws Exception {
        long msgid = WeChatSender.msgId();
        String key = sentTemplate(msgid);
        long now = clock.instant().getEpochSecond();

        assertThat(event(msgid + 1, "success", now)).isEqualTo(WeChatPortal.SUCCESS);
        assertThat(event(msgid, "pending", now + 1)).isEqualTo(WeChatPortal.SUCCESS);

        assertThat(utility.count("select count(*) from contact_outcome")).isZero();
        assertThat(utility.value("select receipt_at from outbox_message where idempotency_key = ?", key)).isNull();
    }

    /** A repair notice WeChat took as template message {@code msgid}; its outbox key. */
    private String sentTemplate(long msgid) throws Exception {
        String ticket = "R" + UUID.randomUUID().toString().substring(0, 8);
        String key = "repair:" + ticket + ":DISPATCHED";
        Notice notice = new Notice(residentOf(openid), customer, Topic.REPAIR_PROGRESS, key, "抢修人员已出发",
                "工单 " + ticket + "：抢修人员已出发。", Map.of("ticketNo", ticket, "status", "DISPATCHED"));
        pool.withTransaction(connection -> outbox.enqueue(connection, notice)).await().indefinitely();
        api.stubFor(post(urlPathEqualTo(TEMPLATE))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + msgid + "}")));
        assertThat(fixture.dispatch()).isEqualTo(1);
        assertThat(fixture.row(key)).startsWith("SENT", "WECHAT_TEMPLATE");
        return key;
    }

    private long residentOf(String follower) throws Exception {
        return (Long) utility.value("select resident_id from wechat_user where openid = ?", follower);
    }

    /** WeChat's report on template message {@code msgid}, as it posts it; the portal's answer. */
    private String event(long msgid, String status, long createTime) {
        String xml = "<xml><ToUserName><![CDATA[" + WeChatSender.ACCOUNT + "]]></ToUserName>"
                + "<FromUserName><![CDATA[" + openid + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>"
                + "<MsgID>" + msgid + "</MsgID><Status><![CDATA[" + status + "]]></Status></xml>";
        return wechat.post(xml).then().statusCode(200).extract().asString();
    }
}
