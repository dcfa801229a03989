package com.gridcare.wechat;

import static com.gridcare.outage.OutageFixture.AREA_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.binding.TestAccounts;
import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;
import com.gridcare.notify.ChannelFixture;
import com.gridcare.outage.OutageFixture;
import com.gridcare.outagenotice.TestOutages;
import com.gridcare.wechat.portal.WeChatPortal;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;

/**
 * One outage, one story everywhere (issue 14, item 5): an unplanned outage published over a resident's transformer
 * area through the staff API, its estimate moved and its power restored; after each change the resident's account
 * lookup, the WeChat bot, the app's FAQ bot and the notices in the resident's inbox tell the same. The resident signed
 * in to the app and follows the WeChat account; here (in the WeChat tests' package) for posting as WeChat does.
 */
@QuarkusTest
class OneOutageStoryTests {

    @Inject
    TestUtility utility;

    @Inject
    MutableClock clock;

    @Inject
    OutageFixture network;

    @Inject
    ChannelFixture channels;

    @Inject
    TestOutages outages;

    private OffsetDateTime now;
    private WeChatSender wechat;
    private SignedInResident resident;
    private String accountNo;
    private String openid;

    @BeforeEach
    void residentInAnArea() throws Exception {
        clock.setLocal(TestUtility.NOW); // 10:00 in the utility's zone
        now = clock.instant().atOffset(ZoneOffset.UTC);
        network.prepare();
        long customer = channels.customer(null);
        utility.execute("""
                update customer c set transformer_area_id = t.id, feeder_id = t.feeder_id, grid_area_id = t.grid_area_id
                  from transformer_area t where t.code = ? and c.id = ?""", AREA_A, customer);
        accountNo = "T" + customer;
        resident = SignedInResident.signIn().bind(new TestAccounts.Account(accountNo, "13912345678"));
        openid = WeChatSender.openid();
        utility.execute("""
                insert into wechat_user (appid, openid, resident_id, subscribed)
                select ?, ?, id, true from resident where mobile = ?""", WeChatSender.APPID, openid, resident.mobile());
        wechat = new WeChatSender(clock);
    }

    @AfterEach
    void cleanUp() throws Exception {
        utility.execute("delete from wechat_user where openid = ?", openid);
        utility.removeTestRows();
        clock.reset();
    }

    @Test
    void shouldTellOneEstimateEverywhereAsItMovesAndThatPowerIsBack() throws Exception {
        int area = (Integer) utility.value("select id from transformer_area where code = ?", AREA_A);
        long outage = outages.publish("UNPLANNED", now.minusMinutes(30), now.plusHours(3), List.of(), List.of(area));

        tellsEverywhere(outage, now.plusHours(3), "11月26日 13:00");
        JsonPath inbox = inbox();
        assertThat(inbox.getList("items.title", String.class)).containsExactly("停电抢修中");
        assertThat(inbox.getString("items[0].text")).contains(accountNo).contains("预计11月26日 13:00恢复供电");

        outages.moveEstimate(outage, now.plusHours(4).plusMinutes(30));
        tellsEverywhere(outage, now.plusHours(4).plusMinutes(30), "11月26日 14:30");
        inbox = inbox();
        assertThat(inbox.getList("items.title", String.class)).containsExactly("恢复供电时间更新", "停电抢修中");
        assertThat(inbox.getString("items[0].text")).contains(accountNo).contains("更新为11月26日 14:30");

        outages.restore(outage);
        JsonPath lookup = lookup();
        assertThat(lookup.getString("current")).as("no current outage").isNull();
        assertThat(wechatAnswer("停电了")).contains("目前供电正常");
        assertThat(faqAnswer("停电了")).contains("目前供电正常");
        inbox = inbox();
        assertThat(inbox.getList("items.title", String.class)).containsExactly("已恢复供电", "恢复供电时间更新",
                "停电抢修中");
        assertThat(inbox.getString("items[0].text")).contains(accountNo).contains("已恢复供电");
    }

    /** The account lookup, the WeChat bot and the app's bot all tell the outage with the estimate {@code told}. */
    private void tellsEverywhere(long outage, OffsetDateTime estimate, String told) {
        JsonPath lookup = lookup();
        assertThat(lookup.getLong("current.id")).isEqualTo(outage);
        assertThat(OffsetDateTime.parse(lookup.getString("current.estimatedRestoreAt"))).isAtSameInstantAs(estimate);
        String expected = "户号" + accountNo + "所在区域正在停电：Test outage。预计" + told + "恢复供电。";
        assertThat(wechatAnswer("停电了")).as("WeChat").isEqualTo(expected);
        assertThat(faqAnswer("停电了")).as("the app's bot").isEqualTo(expected);
    }

    private JsonPath lookup() {
        return resident.given().get("/api/v1/accounts/" + accountNo + "/outages").then().statusCode(200).extract()
                .jsonPath();
    }

    /** A text message from the follower, as WeChat's server posts it; the passive reply's text. */
    private String wechatAnswer(String text) {
        String body = wechat.post(WeChatSender.text(openid, text, WeChatSender.msgId())).then().statusCode(200)
                .extract().asString();
        assertThat(body).as("answered within WeChat's reply budget").isNotEqualTo(WeChatPortal.SUCCESS);
        return new XmlPath(body).getString("xml.Content");
    }

    private String faqAnswer(String question) {
        return resident.given().contentType(ContentType.JSON)
                .body("{\"question\": \"" + question + "\", \"accountNo\": \"" + accountNo + "\"}")
                .post("/api/v1/faq/ask").then().statusCode(200).extract().jsonPath().getString("answer");
    }

    private JsonPath inbox() {
        return resident.given().get("/api/v1/me/inbox").then().statusCode(200).extract().jsonPath();
    }
}
