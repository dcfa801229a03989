package com.gridcare.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.gridcare.auth.SignedInResident;
import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;
import com.gridcare.wechat.WeChatApiFake;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The outbox dispatcher against a fake WeChat (WireMock) and the fake SMS provider: which channel each notice takes,
 * what WeChat receives, what the row says afterwards, and how failures, leases and several dispatchers behave.
 */
@QuarkusTest
@WithTestResource(WeChatApiFake.class)
class OutboxDispatcherTests {

    private static final String APPID = "wxtest000000000001";
    private static final String TEMPLATE = "/cgi-bin/message/template/send";
    private static final String KEFU = "/cgi-bin/message/custom/send";
    private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1}";
    private static final AtomicLong NEXT_CUSTOMER = new AtomicLong(TestUtility.FIRST_TEST_ID + 7_000);

    @WeChatApiFake.InjectWeChatApi
    WireMockServer wechat;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Inject
    TestUtility utility;

    @Inject
    MutableClock clock;

    @Inject
    RedisDataSource redis;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void emptyOutbox() throws Exception {
        utility.removeTestRows();
        wechat.resetAll();
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
                .willReturn(okJson("{\"access_token\":\"TOKEN-1\",\"expires_in\":7200}")));
        redis.key().del("gridcare:wechat:access_token:" + APPID);
        breakers.resetAll();
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private final List<Long> residents = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        utility.removeTestRows();
        for (long resident : residents) {
            utility.execute("delete from contact_preference where resident_id = ?", resident);
            utility.execute("delete from wechat_user where resident_id = ?", resident);
        }
        clock.reset();
    }

    // --- fixtures --------------------------------------------------------------------------------------------------

    private long resident() throws SQLException {
        return resident(SignedInResident.newMobile());
    }

    private long resident(String mobile) throws SQLException {
        Object id = utility.value("select id from resident where mobile = ?", mobile);
        long resident = id != null ? (Long) id
                : (Long) utility.value("insert into resident (mobile) values (?) returning id", mobile);
        residents.add(resident);
        return resident;
    }

    /** A follower of the test account, bound to {@code residentId}, who last wrote {@code sinceLastMessage} ago. */
    private String follower(long residentId, Duration sinceLastMessage) throws SQLException {
        String openid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        utility.execute("""
                insert into wechat_user (appid, openid, resident_id, subscribed, last_interaction_at)
                values (?, ?, ?, true, ?)""", APPID, openid, residentId,
                clock.instant().minus(sinceLastMessage).atOffset(ZoneOffset.UTC));
        return openid;
    }

    private void prefersSms(long residentId) throws SQLException {
        utility.execute("""
                insert into contact_preference (resident_id, topic, enabled, preferred_channel)
                values (?, 'REPAIR_PROGRESS', true, 'SMS')""", residentId);
    }

    private long customer() throws SQLException {
        return utility.customer(NEXT_CUSTOMER.incrementAndGet(), "RES_TIERED", "SMART");
    }

    private String repairNotice(long residentId, Long customerId, String ticketNo) {
        String key = "repair:" + ticketNo + ":DISPATCHED";
        enqueue(new Notice(residentId, customerId, Topic.REPAIR_PROGRESS, key, "抢修人员已出发",
                "工单 " + ticketNo + "：抢修人员已出发，请保持电话畅通。", Map.of("ticketNo", ticketNo, "status", "DISPATCHED")));
        return key;
    }

    private String escalationReply(long residentId, String reply) {
        String key = "escalation:1:reply:" + UUID.randomUUID();
        enqueue(new Notice(residentId, null, Topic.ESCALATION_REPLY, key, "您的咨询有回复了", "客服回复：" + reply,
                Map.of("reply", reply)));
        return key;
    }

    private void enqueue(Notice notice) {
        pool.withTransaction(connection -> outbox.enqueue(connection, notice)).await().indefinitely();
    }

    private int dispatch() {
        return dispatcher.dispatchDue().await().indefinitely();
    }

    private Map<String, Object> row(String key) throws SQLException {
        Object[] row = utility.rows("""
                select status, channel_code, attempts, last_error, sent_at, next_attempt_at, locked_by, id, created_at,
                       recipient
                  from outbox_message where idempotency_key = ?""", key).get(0);
        Map<String, Object> columns = new HashMap<>();
        String[] names = { "status", "channel", "attempts", "lastError", "sentAt", "nextAttemptAt", "lockedBy", "id",
                "createdAt", "recipient" };
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i], row[i]);
        }
        return columns;
    }

    private static Instant instant(Object timestamp) {
        return ((Timestamp) timestamp).toInstant();
    }

    // --- channels --------------------------------------------------------------------------------------------------

    @Test
    void shouldSendRepairProgressToAFollowerAsATemplateMessage() throws Exception {
        long resident = resident();
        long customer = customer();
        String openid = follower(resident, Duration.ofDays(30));
        String key = repairNotice(resident, customer, "R20261126001");
        wechat.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(okJson(OK)));

        assertThat(dispatch()).isEqualTo(1);

        Map<String, Object> row = row(key);
        String written = instant(row.get("createdAt")).atZone(clock.getZone())
                .format(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm"));
        wechat.verify(1, postRequestedFor(urlPathEqualTo(TEMPLATE)).withQueryParam("access_token", equalTo("TOKEN-1"))
                .withRequestBody(equalToJson("{\"touser\":\"" + openid + "\",\"template_id\":\"tpl-repair-progress\","
                        + "\"client_msg_id\":\"" + key + "\",\"data\":{"
                        + "\"character_string1\":{\"value\":\"R20261126001\"},\"thing2\":{\"value\":\"抢修人员已出发\"},"
                        + "\"time3\":{\"value\":\"" + written + "\"}}}")));
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("channel")).isEqualTo("WECHAT_TEMPLATE");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("lockedBy")).isNull();
        assertThat(instant(row.get("sentAt"))).isEqualTo(clock.instant());
        assertThat(utility.count("select count(*) from contact_outcome where outbox_message_id = ?", row.get("id")))
                .as("WeChat taking it is not its arrival: its send-job event tells (WeChatTemplateReceiptTests)")
                .isZero();
        assertThat(utility.value("select template_msgid from outbox_message where id = ?", row.get("id")))
                .as("WeChat's msgid, which that event names").isEqualTo(1L);
        assertThat(dispatch()).as("nothing left to send").isZero();
        wechat.verify(1, postRequestedFor(urlPathEqualTo(TEMPLATE)));
    }

    @Test
    void shouldSendAnEscalationReplyAsAKefuTextInsideTheWindow() throws Exception {
        long resident = resident();
        String openid = follower(resident, Duration.ofHours(47));
        String key = escalationReply(resident, "已为您安排抢修");
        wechat.stubFor(post(urlPathEqualTo(KEFU)).willReturn(okJson(OK)));

        assertThat(row(key).get("channel")).as("a reply is a conversation").isEqualTo("WECHAT_CUSTOMER_SERVICE");
        assertThat(dispatch()).isEqualTo(1);

        wechat.verify(1, postRequestedFor(urlPathEqualTo(KEFU)).withRequestBody(equalToJson("{\"touser\":\"" + openid
                + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"客服回复：已为您安排抢修\"}}")));
        assertThat(row(key)).containsEntry("status", "SENT").containsEntry("channel", "WECHAT_CUSTOMER_SERVICE");
    }

    @Test
    void shouldPutAnEscalationReplyInTheInboxOutsideTheWindow() throws Exception {
        SignedInResident signedIn = SignedInResident.signIn();
        long resident = resident(signedIn.mobile());
        follower(resident, Duration.ofHours(49));
        String key = escalationReply(resident, "电费已核实无误");

        assertThat(dispatch()).isEqualTo(1);

        assertThat(wechat.findAll(postRequestedFor(urlPathEqualTo(KEFU)))).as("WeChat would refuse it").isEmpty();
        Map<String, Object> row = row(key);
        assertThat(row).containsEntry("status", "SENT").containsEntry("channel", "APP_PUSH")
                .containsEntry("lastError", "wechat: out of window")
                .containsEntry("recipient", "resident:" + resident);
        JsonPath inbox = signedIn.given().get("/api/v1/me/inbox").then().statusCode(200).extract().jsonPath();
        assertThat(inbox.getString("items[0].text")).isEqualTo("客服回复：电费已核实无误");
        assertThat(inbox.getString("items[0].channel")).isEqualTo("APP_PUSH");
        assertThat(inbox.getString("items[0].status")).isEqualTo("SENT");
    }

    @Test
    void shouldCountAnInboxMessageAsReadWhenTheResidentOpensTheInboxAndNotBefore() throws Exception {
        SignedInResident signedIn = SignedInResident.signIn();
        long resident = resident(signedIn.mobile());
        long customer = customer();
        String key = repairNotice(resident, customer, "R20261126010");

        assertThat(dispatch()).isEqualTo(1);
        Map<String, Object> row = row(key);
        assertThat(row).containsEntry("status", "SENT").containsEntry("channel", "APP_PUSH");
        assertThat(utility.count("select count(*) from contact_outcome where outbox_message_id = ?", row.get("id")))
                .as("nothing was pushed: nobody knows yet whether it reached the resident").isZero();

        JsonPath inbox = signedIn.given().get("/api/v1/me/inbox").then().statusCode(200).extract().jsonPath();
        assertThat(inbox.getString("items[0].readAt")).isNotNull();
        signedIn.given().get("/api/v1/me/inbox").then().statusCode(200);

        assertThat(utility.rows("select channel_code, outcome, customer_id from contact_outcome "
                + "where outbox_message_id = ?", row.get("id")))
                .as("read once, however often the inbox is opened")
                .containsExactly(new Object[] { "APP_PUSH", "READ", customer });
        assertThat(utility.value("select read_at from outbox_message where id = ?", row.get("id"))).isNotNull();
    }

    @Test
    void shouldFallBackToTheInboxWhenWeChatSaysTheFollowerLeft() throws Exception {
        long resident = resident();
        String openid = follower(resident, Duration.ofDays(3));
        String key = repairNotice(resident, null, "R20261126002");
        wechat.stubFor(post(urlPathEqualTo(TEMPLATE))
                .willReturn(okJson("{\"errcode\":43004,\"errmsg\":\"require subscribe\"}")));

        assertThat(dispatch()).isEqualTo(1);

        assertThat(row(key)).containsEntry("status", "SENT").containsEntry("channel", "APP_PUSH")
                .containsEntry("lastError", "wechat: unsubscribed");
        assertThat(utility.value("select subscribed from wechat_user where openid = ?", openid)).isEqualTo(false);
        wechat.verify(1, postRequestedFor(urlPathEqualTo(TEMPLATE)));
    }

    @Test
    void shouldTextResidentsWhoChoseSms() throws Exception {
        String mobile = SignedInResident.newMobile();
        long resident = resident(mobile);
        prefersSms(resident);
        String key = repairNotice(resident, null, "R20261126003");

        assertThat(dispatch()).isEqualTo(1);

        assertThat(row(key)).containsEntry("status", "SENT").containsEntry("channel", "SMS");
        JsonPath sms = RestAssured.given().get(smsProvider() + "/messages/" + mobile).then().statusCode(200)
                .extract().jsonPath();
        assertThat(sms.getString("template")).isEqualTo("REPAIR_PROGRESS");
        assertThat(sms.getString("parameters.title")).isEqualTo("抢修人员已出发");
        assertThat(sms.getString("parameters.text")).contains("R20261126003");
    }

    @Test
    void shouldBackOffWhileTheSmsProviderIsDownAndGiveUpAfterTheLastAttempt() throws Exception {
        long resident = resident();
        prefersSms(resident);
        String key = repairNotice(resident, customer(), "R20261126004");
        RestAssured.given().post(smsProvider() + "/outage?status=503").then().statusCode(204);
        try {
            assertThat(dispatch()).isEqualTo(1);
            Map<String, Object> row = row(key);
            assertThat(row).containsEntry("status", "FAILED").containsEntry("attempts", 1)
                    .containsEntry("lastError", "sms: provider did not take it");
            // base 30 s for the second attempt, half of it fixed and half random
            assertThat(instant(row.get("nextAttemptAt")))
                    .isBetween(clock.instant().plusSeconds(15), clock.instant().plusSeconds(30));
            assertThat(dispatch()).as("not due yet").isZero();

            utility.execute("update outbox_message set attempts = 7, next_attempt_at = ? where idempotency_key = ?",
                    clock.instant().atOffset(ZoneOffset.UTC), key);
            assertThat(dispatch()).isEqualTo(1);
            assertThat(row(key)).containsEntry("status", "DEAD").containsEntry("attempts", 8);
            assertThat(utility.count("select count(*) from contact_outcome where outbox_message_id = ? "
                    + "and outcome = 'FAILED'", row.get("id"))).isEqualTo(2);
        } finally {
            RestAssured.given().post(smsProvider() + "/outage?status=0").then().statusCode(204);
        }
    }

    private static String smsProvider() {
        return ConfigProvider.getConfig().getValue("gridcare.sms.base-url", String.class);
    }

    // --- WeChat failing ----------------------------------------------------------------------------------------------

    @Test
    void shouldRepeatATemplateMessageWeChatWasTooBusyToTakeAndSendItOnce() throws Exception {
        long resident = resident();
        follower(resident, Duration.ofDays(1));
        String key = repairNotice(resident, null, "R20261126005");
        wechat.stubFor(post(urlPathEqualTo(TEMPLATE)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"system busy\"}")).willSetStateTo("calm"));
        wechat.stubFor(post(urlPathEqualTo(TEMPLATE)).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson(OK)));

        assertThat(dispatch()).isEqualTo(1);

        List<LoggedRequest> sent = wechat.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE)));
        assertThat(sent).hasSize(2).allSatisfy(request -> assertThat(request.getBodyAsString()).contains(key));
        assertThat(row(key)).containsEntry("status", "SENT").containsEntry("attempts", 1);
    }

    @Test
    void shouldBackOffWhileWeChatIsDownAndStopCallingItUntilItRecovers() throws Exception {
        wechat.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(aResponse().withStatus(500)));
        long resident = resident();
        follower(resident, Duration.ofDays(1));

        // %test: 3 tries per call (2 repeats), and the breaker judges the last 4 calls
        String first = repairNotice(resident, null, "R20261126006");
        assertThat(dispatch()).isEqualTo(1);
        wechat.verify(3, postRequestedFor(urlPathEqualTo(TEMPLATE)));
        String second = repairNotice(resident, null, "R20261126007");
        assertThat(dispatch()).isEqualTo(1);
        wechat.verify(4, postRequestedFor(urlPathEqualTo(TEMPLATE)));
        String third = repairNotice(resident, null, "R20261126008");
        assertThat(dispatch()).isEqualTo(1);
        assertThat(wechat.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE)))).as("the breaker is open").hasSize(4);
        for (String key : List.of(first, second, third)) {
            Map<String, Object> row = row(key);
            assertThat(row).containsEntry("status", "FAILED").containsEntry("lastError", "wechat: not answering");
            assertThat(instant(row.get("nextAttemptAt"))).isAfter(clock.instant());
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString(wechatCalls("template.send", "circuit-open")))
                .body(containsString(wechatCalls("template.send", "error")))
                .body(containsString(deliveries("WECHAT_TEMPLATE", "failed")));

        wechat.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(okJson(OK)));
        Thread.sleep(1_100); // %test: the breaker lets a call through again after 1 s
        // a half-open breaker lets one call through at a time: rows refused meanwhile wait for the next round
        String unsent = "select count(*) from outbox_message where status <> 'SENT'";
        for (int round = 0; round < 5 && utility.count(unsent) > 0; round++) {
            clock.set(clock.instant().plus(Duration.ofHours(1)));
            dispatch();
        }
        for (String key : List.of(first, second, third)) {
            assertThat(row(key).get("status")).as(key).isEqualTo("SENT");
        }
    }

    // --- claims, leases, timing --------------------------------------------------------------------------------------

    @Test
    void shouldNeverSendARowTwiceWhenTwoDispatchersRunAtOnce() throws Exception {
        long resident = resident();
        follower(resident, Duration.ofDays(1));
        wechat.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(okJson(OK).withFixedDelay(5)));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add(repairNotice(resident, null, "R2026112610" + String.format("%02d", i)));
        }

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> drain = () -> {
                int handled = 0;
                for (int batch = dispatch(); batch > 0; batch = dispatch()) {
                    handled += batch;
                }
                return handled;
            };
            List<Future<Integer>> both = threads.invokeAll(List.of(drain, drain));
            assertThat(both.get(0).get() + both.get(1).get()).isEqualTo(30);
        } finally {
            threads.shutdownNow();
        }

        List<String> sentKeys = wechat.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE))).stream()
                .map(request -> new JsonPath(request.getBodyAsString()).getString("client_msg_id")).toList();
        assertThat(sentKeys).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(utility.count("select count(*) from outbox_message where status = 'SENT' and attempts = 1"))
                .isEqualTo(30);
    }

    @Test
    void shouldRecordABatchOfResultsOnlyForTheRowsStillClaimedAndEachOutcomeOnce() throws Exception {
        long resident = resident();
        long customer = customer();
        follower(resident, Duration.ofDays(1));
        wechat.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(okJson(OK).withFixedDelay(1_500)));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(repairNotice(resident, customer, "R2026112620" + i));
        }

        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> handled = thread.submit(this::dispatch);
            // while WeChat takes its time, another instance takes one row over (as it would once the lease ran out)
            for (int i = 0; i < 50 && !"SENDING".equals(row(keys.get(1)).get("status")); i++) {
                Thread.sleep(20);
            }
            utility.execute("update outbox_message set locked_by = 'other/1', locked_until = ? where idempotency_key = ?",
                    clock.instant().plusSeconds(60).atOffset(ZoneOffset.UTC), keys.get(1));
            assertThat(handled.get()).isEqualTo(3);
        } finally {
            thread.shutdownNow();
        }

        for (String key : List.of(keys.get(0), keys.get(2))) {
            Map<String, Object> row = row(key);
            assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 1);
            assertThat(row.get("lockedBy")).isNull();
            // WeChat took it: its msgid is kept, and the send-job event, not the send, will say whether it arrived
            assertThat(utility.value("select template_msgid from outbox_message where id = ?", row.get("id")))
                    .isNotNull();
            assertThat(utility.count("select count(*) from contact_outcome where outbox_message_id = ?",
                    row.get("id"))).isZero();
        }
        Map<String, Object> takenOver = row(keys.get(1));
        assertThat(takenOver).as("its new holder records it").containsEntry("status", "SENDING")
                .containsEntry("lockedBy", "other/1");
        assertThat(utility.count("select count(*) from contact_outcome where outbox_message_id = ?",
                takenOver.get("id"))).isZero();
    }

    @Test
    void shouldClaimLeasesThatRanOutBeforeDueMessagesAndNoMoreThanItSendsAtOnce() throws Exception {
        long resident = resident();
        String stuck = repairNotice(resident, null, "R20261126300");
        int limit = ConfigProvider.getConfig().getValue("gridcare.outbox.concurrency", Integer.class);
        for (int i = 0; i < limit; i++) {
            repairNotice(resident, null, "R202611263" + String.format("%03d", i + 1));
        }
        utility.execute("""
                update outbox_message set status = 'SENDING', attempts = 1, locked_by = 'stopped/1', locked_until = ?
                 where idempotency_key = ?""", clock.instant().minusSeconds(1).atOffset(ZoneOffset.UTC), stuck);

        assertThat(dispatch()).isEqualTo(limit);

        assertThat(row(stuck)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(utility.count("select count(*) from outbox_message where status = 'PENDING'")).isEqualTo(1);
        assertThat(dispatch()).isEqualTo(1);
    }

    @Test
    void shouldClaimAgainARowWhoseLeaseRanOut() throws Exception {
        long resident = resident();
        String stuck = repairNotice(resident, null, "R20261126009");
        String busy = repairNotice(resident, null, "R20261126010");
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        utility.execute("""
                update outbox_message set status = 'SENDING', attempts = 1, locked_by = 'stopped/1', locked_until = ?
                 where idempotency_key = ?""", now.minusSeconds(1), stuck);
        utility.execute("""
                update outbox_message set status = 'SENDING', attempts = 1, locked_by = 'working/2', locked_until = ?
                 where idempotency_key = ?""", now.plusMinutes(1), busy);

        assertThat(dispatch()).isEqualTo(1);

        assertThat(row(stuck)).containsEntry("status", "SENT").containsEntry("channel", "APP_PUSH")
                .containsEntry("attempts", 2);
        assertThat(row(busy)).containsEntry("status", "SENDING").containsEntry("lockedBy", "working/2");
    }

    @Test
    void shouldNeverSendWhatTheResidentRefused() throws Exception {
        long resident = resident();
        follower(resident, Duration.ofHours(1));
        utility.execute("insert into contact_preference (resident_id, topic, enabled) values (?, ?, false)", resident,
                "REPAIR_PROGRESS");
        String key = repairNotice(resident, null, "R20261126011");

        assertThat(dispatch()).isZero();

        assertThat(row(key)).containsEntry("status", "SKIPPED").containsEntry("attempts", 0);
        assertThat(wechat.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE)))).isEmpty();
    }

    @Test
    void shouldWaitForTheEndOfQuietHours() throws Exception {
        long resident = resident();
        utility.execute("""
                insert into contact_preference (resident_id, topic, enabled, quiet_from, quiet_until)
                values (?, ?, true, time '22:00', time '07:00')""", resident, "REPAIR_PROGRESS");
        clock.setLocal(LocalDateTime.of(2026, 11, 26, 23, 0));
        String key = repairNotice(resident, null, "R20261126012");

        assertThat(dispatch()).isZero();
        clock.setLocal(LocalDateTime.of(2026, 11, 27, 6, 59));
        assertThat(dispatch()).isZero();
        assertThat(row(key)).containsEntry("status", "PENDING");

        clock.setLocal(LocalDateTime.of(2026, 11, 27, 7, 0));
        assertThat(dispatch()).isEqualTo(1);
        assertThat(row(key)).containsEntry("status", "SENT");
    }

    @Test
    void shouldShowWeChatCallsAndDeliveriesInTheMetrics() throws Exception {
        long resident = resident();
        follower(resident, Duration.ofDays(1));
        repairNotice(resident, null, "R20261126013");
        wechat.stubFor(post(urlPathEqualTo(TEMPLATE)).willReturn(okJson(OK)));

        assertThat(dispatch()).isEqualTo(1);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains(wechatCalls("template.send", "ok")).contains(wechatCalls("token", "ok"))
                .contains("gridcare_wechat_api_seconds_max{api=\"template.send\",outcome=\"ok\"}")
                .contains(deliveries("WECHAT_TEMPLATE", "awaiting_outcome"))
                .contains("gridcare_outbox_due ");
    }

    private static String wechatCalls(String api, String outcome) {
        return "gridcare_wechat_api_seconds_count{api=\"" + api + "\",outcome=\"" + outcome + "\"}";
    }

    private static String deliveries(String channel, String outcome) {
        return "gridcare_outbox_deliveries_total{channel=\"" + channel + "\",outcome=\"" + outcome + "\"}";
    }
}
