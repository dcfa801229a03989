package com.gridcare.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;
import com.gridcare.outage.OutageService;
import com.gridcare.wechat.menu.MenuKey;
import com.gridcare.wechat.portal.WeChatPortal;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;

/** What each menu event and message does, for a follower without and with a bound account. */
@QuarkusTest
@WithTestResource(WeChatApiFake.class)
class WeChatRoutingTests {

    @Inject
    TestUtility utility;

    @Inject
    MutableClock clock;

    @Inject
    OutageService outages;

    private WeChatSender wechat;
    private String stranger;
    private String bound;
    private String accountNo;
    private long customer;

    @BeforeEach
    void followers() throws Exception {
        utility.ensureGenerated();
        wechat = new WeChatSender(clock);
        outages.outagesChanged(0).await().indefinitely();
        stranger = WeChatSender.openid();
        bound = WeChatSender.openid();
        Object[] first = utility.rows("""
                select c.id, c.account_no from customer c
                 where c.voltage_class = 'LV' and exists (select 1 from bill b where b.customer_id = c.id)
                 order by c.id limit 1""").get(0);
        customer = (Long) first[0];
        accountNo = (String) first[1];
        long resident = (Long) utility.value("insert into resident (mobile) values (null) returning id");
        utility.execute("insert into wechat_user (appid, openid, resident_id, subscribed) values (?, ?, ?, true)",
                WeChatSender.APPID, bound, resident);
        utility.execute("insert into account_binding (resident_id, customer_id) values (?, ?)", resident, customer);
    }

    @AfterEach
    void cleanUp() throws Exception {
        utility.execute("delete from escalation where resident_id in (select resident_id from wechat_user where openid = ?)", bound);
        utility.execute("delete from account_binding where resident_id in (select resident_id from wechat_user where openid = ?)", bound);
        utility.execute("delete from wechat_user where openid in (?, ?)", bound, stranger);
        utility.execute("delete from resident where id not in (select resident_id from wechat_user where resident_id is not null)"
                + " and id not in (select resident_id from account_binding)");
        utility.removeTestRows();
        clock.reset();
    }

    private String click(String openid, String key) {
        return reply(WeChatSender.event(openid, "CLICK", key));
    }

    private String reply(String xml) {
        String body = wechat.post(xml).then().statusCode(200).extract().asString();
        return WeChatPortal.SUCCESS.equals(body) ? body : new XmlPath(body).getString("xml.Content");
    }

    @Test
    void shouldGuideAnUnboundFollowerToBindFirst() {
        for (String key : new String[] { "OUTAGE_STATUS", "LATEST_BILL", "CONSUMPTION" }) {
            assertThat(click(stranger, key)).as(key).contains("请先绑定")
                    .contains("https://h5.test.invalid/bind?appid=" + WeChatSender.APPID);
        }
        assertThat(reply(WeChatSender.text(stranger, "我的电费多少", WeChatSender.msgId()))).contains("请先绑定");
    }

    @Test
    void shouldHandAFollowerWhoAsksForAPersonToTheirAccountsGridStaff() throws Exception {
        String answer = reply(WeChatSender.text(bound, "我要转人工", WeChatSender.msgId()));
        Object[] escalation = utility.rows("""
                select e.id, e.channel, e.reason, e.status, e.customer_id, e.grid_area_id, c.grid_area_id
                  from escalation e join wechat_user w on w.resident_id = e.resident_id
                  join customer c on c.id = e.customer_id
                 where w.openid = ?""", bound).get(0);
        assertThat(answer).contains("人工客服").contains(String.valueOf(escalation[0]));
        assertThat(escalation).startsWith(escalation[0], "WECHAT", "USER_REQUEST", "NEW", customer);
        assertThat(escalation[5]).as("routed to the account's grid area").isEqualTo(escalation[6]);
    }

    @Test
    void shouldHandAChatToStaffAfterTwoUnsureAnswersInARow() throws Exception {
        assertThat(reply(WeChatSender.text(bound, "我有个问题想问一下", WeChatSender.msgId()))).contains("不太确定");
        assertThat(reply(WeChatSender.text(bound, "电费在微信上怎么交", WeChatSender.msgId()))).doesNotContain("人工客服");
        assertThat(reply(WeChatSender.text(bound, "那个东西怎么搞", WeChatSender.msgId()))).contains("不太确定");
        assertThat(utility.count("select count(*) from escalation e join wechat_user w on w.resident_id = e.resident_id "
                + "where w.openid = ?", bound)).as("a sure answer between unsure ones").isZero();

        String answer = reply(WeChatSender.text(bound, "小区里路灯不亮找谁", WeChatSender.msgId()));
        List<Object[]> escalations = utility.rows("""
                select e.id, e.channel, e.reason, e.customer_id, e.question, e.conversation::text
                  from escalation e join wechat_user w on w.resident_id = e.resident_id
                 where w.openid = ?""", bound);
        assertThat(escalations).hasSize(1);
        Object[] escalation = escalations.get(0);
        assertThat(answer).contains("人工客服").contains("编号 " + escalation[0]);
        assertThat(escalation).startsWith(escalation[0], "WECHAT", "LOW_CONFIDENCE", customer, "小区里路灯不亮找谁");
        assertThat((String) escalation[5]).as("the conversation so far").contains("我有个问题想问一下")
                .contains("电费在微信上怎么交").contains("那个东西怎么搞").contains("小区里路灯不亮找谁");
    }

    @Test
    void shouldAnswerTheBoundAccountsLatestBill() throws Exception {
        Object[] bill = utility.rows("select to_char(period, 'YYYY-MM'), total_amount from bill where customer_id = ? "
                + "order by period desc limit 1", customer).get(0);
        String answer = click(bound, "LATEST_BILL");
        assertThat(answer).contains(accountNo).contains((String) bill[0])
                .contains(((BigDecimal) bill[1]).setScale(2).toPlainString()).contains("电费");
        assertThat(reply(WeChatSender.text(bound, "我的电费多少", WeChatSender.msgId())))
                .as("asked in words, the same answer as the button").isEqualTo(answer);
    }

    @Test
    void shouldAnswerTheBoundAccountsConsumptionAndOutageStatus() {
        clock.setLocal(TestUtility.NOW);
        assertThat(click(bound, "CONSUMPTION")).contains(accountNo).contains("2026-10").contains("千瓦时");
        assertThat(click(bound, "OUTAGE_STATUS")).contains(accountNo).contains("供电正常");
    }

    @Test
    void shouldTellTheBoundAccountAboutItsCurrentOutage() throws Exception {
        clock.setLocal(TestUtility.NOW);
        int feeder = (Integer) utility.value("select feeder_id from customer where id = ?", customer);
        long outage = (Long) utility.value("""
                insert into outage (kind, status, cause, description, starts_at, estimated_restore_at, published_at)
                values ('UNPLANNED', 'PUBLISHED', 'EQUIPMENT', '线路故障抢修', ?, ?, ?) returning id""",
                clock.instant().minusSeconds(3600).atOffset(ZoneOffset.UTC),
                clock.instant().plusSeconds(7200).atOffset(ZoneOffset.UTC),
                clock.instant().minusSeconds(3600).atOffset(ZoneOffset.UTC));
        utility.execute("insert into outage_scope (outage_id, feeder_id) values (?, ?)", outage, feeder);
        outages.outagesChanged(outage).await().indefinitely();
        assertThat(click(bound, "OUTAGE_STATUS")).contains("正在停电").contains("线路故障抢修").contains("11月26日 12:00");
        Object[] area = utility.rows("select latitude, longitude from transformer_area where feeder_id = ? limit 1", feeder)
                .get(0);
        double latitude = ((BigDecimal) area[0]).doubleValue();
        double longitude = ((BigDecimal) area[1]).doubleValue();
        assertThat(reply(WeChatSender.location(stranger, latitude, longitude, WeChatSender.msgId())))
                .contains("附近有").contains("正在停电");
        assertThat(reply(WeChatSender.locationEvent(stranger, latitude, longitude))).contains("附近有");
    }

    @Test
    void shouldCountAFollowersOutageMessageAndTellThemAFaultTheirNeighboursReportedIsKnown() throws Exception {
        clock.setLocal(TestUtility.NOW);
        assertThat(reply(WeChatSender.text(bound, "我家停电了", WeChatSender.msgId()))).contains("供电正常");
        assertThat(utility.count("select count(*) from outage_signal where customer_id = ? and source = 'CHAT'",
                customer)).as("written, it is a fault report for detection").isEqualTo(1);
        // an event's creation time tells WeChat's retries apart from a second click: this one is a minute earlier
        reply(WeChatSender.event(bound, "CLICK", "OUTAGE_STATUS", Instant.now().getEpochSecond() - 60));
        assertThat(utility.count("select count(*) from outage_signal")).as("the button only asks").isEqualTo(1);

        long outage = (Long) utility.value("""
                insert into outage (kind, status, cause, description, starts_at) values
                ('UNPLANNED', 'SUSPECTED', 'UNKNOWN', '台区有3户报告停电，待核实', ?) returning id""",
                clock.instant().minusSeconds(600).atOffset(ZoneOffset.UTC));
        utility.execute("insert into outage_scope (outage_id, transformer_area_id) "
                + "select ?, transformer_area_id from customer where id = ?", outage, customer);
        outages.outagesChanged(outage).await().indefinitely();
        assertThat(click(bound, "OUTAGE_STATUS")).contains(accountNo).contains("我们已经知道这个故障");
        assertThat(reply(WeChatSender.text(bound, "我家停电了", WeChatSender.msgId()))).contains("我们已经知道这个故障");
    }

    @Test
    void shouldSayNothingIsNearWhenNothingIs() {
        assertThat(reply(WeChatSender.location(stranger, 10.0, 10.0, WeChatSender.msgId()))).contains("暂无停电");
        assertThat(reply(WeChatSender.locationEvent(stranger, 10.0, 10.0))).isEqualTo(WeChatPortal.SUCCESS);
    }

    @Test
    void shouldAnswerTheLinkButtons() {
        assertThat(click(stranger, "REPORT_FAULT")).contains("https://h5.test.invalid/repair");
        assertThat(click(stranger, "REMINDER_SETTINGS")).contains("https://h5.test.invalid/reminders");
        assertThat(click(stranger, "BIND_ACCOUNT")).contains("https://h5.test.invalid/bind?appid=");
        assertThat(click(stranger, "SMART_SERVICE")).contains("请直接发送您的问题");
        assertThat(click(stranger, "HUMAN_AGENT")).contains("95598");
        assertThat(click(stranger, "NO_SUCH_KEY")).isEqualTo(WeChatPortal.SUCCESS);
        assertThat(reply(WeChatSender.event(stranger, "VIEW", "https://h5.test.invalid/repair")))
                .isEqualTo(WeChatPortal.SUCCESS);
    }

    @Test
    void shouldWelcomeAFollowerAndStopAtOnceWhenTheyLeave() throws Exception {
        assertThat(reply(WeChatSender.event(stranger, "subscribe", null))).contains("感谢关注").contains("/bind?appid=");
        assertThat(utility.value("select subscribed from wechat_user where openid = ?", stranger)).isEqualTo(true);
        assertThat(reply(WeChatSender.event(stranger, "unsubscribe", null))).isEqualTo(WeChatPortal.SUCCESS);
        assertThat(utility.rows("select subscribed, unsubscribed_at is not null from wechat_user where openid = ?",
                stranger).get(0)).containsExactly(false, true);
        assertThat(reply(WeChatSender.event(stranger, "subscribe", "qrscene_123"))).contains("感谢关注");
        assertThat(utility.value("select subscribed from wechat_user where openid = ?", stranger)).isEqualTo(true);
    }

    @Test
    void shouldWelcomeBackAFollowerWhoScans() {
        assertThat(reply(WeChatSender.event(bound, "SCAN", "123"))).contains("欢迎回来");
    }

    @Test
    void shouldRecordWhenAFollowerLastWrote() throws Exception {
        reply(WeChatSender.text(stranger, "你好", WeChatSender.msgId()));
        assertThat(utility.rows("select subscribed, last_interaction_at is not null from wechat_user where openid = ?",
                stranger).get(0)).containsExactly(true, true);
    }

    @Test
    void shouldOpenTheCustomerServiceWindowOnAMenuClickButNotOnALocationReport() throws Exception {
        String reporter = WeChatSender.openid();
        reply(WeChatSender.event(reporter, "subscribe", null));
        utility.execute("update wechat_user set last_interaction_at = null where openid = ?", reporter);
        reply(WeChatSender.locationEvent(reporter, 22.54, 114.05));
        assertThat(utility.value("select last_interaction_at is not null from wechat_user where openid = ?", reporter))
                .as("WeChat's automatic location report opens no window").isEqualTo(false);

        String clicker = WeChatSender.openid();
        reply(WeChatSender.event(clicker, "CLICK", MenuKey.SMART_SERVICE.name()));
        assertThat(utility.value("select last_interaction_at is not null from wechat_user where openid = ?", clicker))
                .as("a click event does").isEqualTo(true);
    }
}
