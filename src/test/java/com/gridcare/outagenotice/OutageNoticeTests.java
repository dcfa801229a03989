package com.gridcare.outagenotice;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;
import com.gridcare.notify.OutboxDispatcher;
import com.gridcare.outage.OutageChanged.Change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Outage notices as residents get them: outages published, edited, restored and cancelled through the staff API (by
 * {@link TestOutages}), and events lost or repeated, the outbox rows they make, what the fake SMS provider received
 * and what a resident's inbox shows. Four test customers on a feeder of their own: one reached by SMS on the account's
 * mobile, one bound to a signed-in resident with quiet hours (the app inbox), a neighbour in the feeder's second
 * transformer area by SMS, and one whose resident refused outage notices.
 */
@QuarkusTest
class OutageNoticeTests {

    private static final int FEEDER = (int) TestUtility.FIRST_TEST_ID + 31;
    private static final int AREA = (int) TestUtility.FIRST_TEST_ID + 32;
    private static final int OTHER_AREA = (int) TestUtility.FIRST_TEST_ID + 33;
    private static final long BY_SMS = TestUtility.FIRST_TEST_ID + 41;
    private static final long IN_APP = TestUtility.FIRST_TEST_ID + 42;
    private static final long NEIGHBOUR = TestUtility.FIRST_TEST_ID + 43;
    private static final long REFUSING = TestUtility.FIRST_TEST_ID + 44;

    @Inject
    TestUtility utility;

    @Inject
    TestOutages outages;

    @Inject
    OutageNotices notices;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private OffsetDateTime now;
    private SignedInResident resident;
    private long residentId;
    private long refusingResident;
    private final String smsMobile = SignedInResident.newMobile();

    @BeforeEach
    void fourCustomersOnAFeeder() throws SQLException {
        utility.ensureGenerated();
        clock.setLocal(TestUtility.NOW); // 10:00 in the utility's zone
        now = clock.instant().atOffset(ZoneOffset.UTC);
        utility.execute("insert into feeder (id, code, name, substation_id) values (?, 'TF31', 'Test feeder 31', 1)",
                FEEDER);
        int gridArea = (Integer) utility.value("select grid_area_id from transformer_area order by id limit 1");
        for (int area : List.of(AREA, OTHER_AREA)) {
            utility.execute("""
                    insert into transformer_area (id, code, name, feeder_id, grid_area_id, capacity_kva, latitude,
                                                  longitude)
                    values (?, ?, 'Test area', ?, ?, 315, 23.5, 113.5)""", area, "TT" + area, FEEDER, gridArea);
        }
        customer(BY_SMS, AREA, smsMobile);
        customer(IN_APP, AREA, null);
        customer(NEIGHBOUR, OTHER_AREA, SignedInResident.newMobile());
        customer(REFUSING, OTHER_AREA, SignedInResident.newMobile());
        resident = SignedInResident.signIn();
        residentId = (Long) utility.value("select id from resident where mobile = ?", resident.mobile());
        utility.execute("insert into account_binding (resident_id, customer_id) values (?, ?)", residentId, IN_APP);
        utility.execute("""
                insert into contact_preference (resident_id, topic, enabled, quiet_from, quiet_until)
                values (?, 'OUTAGE_NOTICE', true, time '09:00', time '12:00')""", residentId);
        refusingResident = (Long) utility.value("insert into resident (mobile) values (?) returning id",
                SignedInResident.newMobile());
        utility.execute("insert into account_binding (resident_id, customer_id) values (?, ?)", refusingResident,
                REFUSING);
        utility.execute("insert into contact_preference (resident_id, topic, enabled) values (?, 'OUTAGE_NOTICE', false)",
                refusingResident);
    }

    @AfterEach
    void removeRows() throws SQLException {
        clock.reset();
        utility.removeTestRows();
        utility.execute("delete from contact_preference where resident_id in (?, ?)", residentId, refusingResident);
    }

    @Test
    void shouldTellAnUnplannedOutageOnceOnEachCustomersChannelDespiteQuietHours() throws Exception {
        long outage = outages.publish("UNPLANNED", now.minusMinutes(30), now.plusHours(3), List.of(FEEDER), List.of());

        assertThat(told(outage, "KNOWN")).containsExactly(BY_SMS, IN_APP, NEIGHBOUR);
        assertThat(utility.rows("select channel_code, recipient from outbox_message where customer_id = ?", BY_SMS)
                .get(0)).containsExactly("SMS", smsMobile);
        Object[] app = utility.rows("select channel_code, next_attempt_at from outbox_message where customer_id = ?",
                IN_APP).get(0);
        assertThat(app[0]).isEqualTo("APP_PUSH");
        assertThat(((Timestamp) app[1]).toInstant()).as("an outage on now is news in quiet hours too")
                .isEqualTo(now.toInstant());

        outages.changed(outage, Change.PUBLISHED).join();
        assertThat(notices.catchUp()).isZero();
        assertThat(utility.count("select count(*) from outbox_message")).isEqualTo(3);

        assertThat(dispatcher.dispatchDue().await().indefinitely()).isEqualTo(3);
        JsonPath sms = RestAssured.given().get(smsProvider() + "/messages/" + smsMobile).then().statusCode(200)
                .extract().jsonPath();
        assertThat(sms.getString("parameters.text")).contains("T" + BY_SMS).contains("已知晓").contains("13:00");
        assertThat(sms.getString("idempotencyKey")).isEqualTo("outage:" + outage + ":KNOWN:" + BY_SMS);
        JsonPath inbox = resident.given().get("/api/v1/me/inbox").then().statusCode(200).extract().jsonPath();
        assertThat(inbox.getString("items[0].title")).isEqualTo("停电抢修中");
        assertThat(inbox.getString("items[0].text")).contains("T" + IN_APP).contains("13:00");
    }

    @Test
    void shouldTellANewEstimateOnlyWhenItMovedAnHourFromTheOneTold() throws Exception {
        long outage = outages.publish("UNPLANNED", now.minusMinutes(30), now.plusHours(3), List.of(FEEDER), List.of());

        outages.moveEstimate(outage, now.plusHours(3).plusMinutes(30));
        assertThat(utility.count("select count(*) from outbox_message")).as("moved 30 minutes").isEqualTo(3);

        outages.moveEstimate(outage, now.plusHours(4));
        assertThat(told(outage, "ESTIMATE")).containsExactly(BY_SMS, IN_APP, NEIGHBOUR);
        assertThat((String) utility.value("select payload->>'text' from outbox_message where idempotency_key = ?",
                "outage:" + outage + ":ESTIMATE:1:" + BY_SMS)).contains("11月26日 14:00");

        outages.moveEstimate(outage, now.plusHours(4).plusMinutes(40));
        assertThat(utility.count("select count(*) from outbox_message")).as("40 minutes from the one told")
                .isEqualTo(6);
        outages.moveEstimate(outage, now.plusHours(3));
        assertThat(utility.count("select count(*) from outbox_message where idempotency_key like ?",
                "outage:" + outage + ":ESTIMATE:2:%")).as("an hour back from the one told").isEqualTo(3);
    }

    @Test
    void shouldTellPowerRestoredAreaByAreaAndThenTheRestOnce() throws Exception {
        long outage = outages.publish("UNPLANNED", now.minusMinutes(30), now.plusHours(3), List.of(FEEDER), List.of());

        outages.restoreArea(outage, AREA);
        assertThat(told(outage, "RESTORED")).containsExactly(BY_SMS, IN_APP);
        Timestamp due = (Timestamp) utility.value("select next_attempt_at from outbox_message where idempotency_key = ?",
                "outage:" + outage + ":RESTORED:" + IN_APP);
        assertThat(due.toInstant()).as("power back is no news to wake anyone for: after the quiet hours")
                .isEqualTo(now.plusHours(2).toInstant());

        outages.restore(outage);
        assertThat(told(outage, "RESTORED")).containsExactly(BY_SMS, IN_APP, NEIGHBOUR);
        outages.changed(outage, Change.RESTORED).join();
        assertThat(notices.catchUp()).isZero();
        assertThat(utility.count("select count(*) from outbox_message where payload->'data'->>'notice' like '%RESTORED'"))
                .isEqualTo(3);
    }

    @Test
    void shouldAnnouncePlannedOutagesAheadAndTheDayBefore() throws Exception {
        LocalDateTime startsAt = TestUtility.NOW.plusDays(5).withHour(9);
        long outage = outages.publish("PLANNED", local(startsAt), local(startsAt.plusHours(8)), List.of(FEEDER),
                List.of());
        assertThat(utility.count("select count(*) from outbox_message")).as("five days ahead: not yet").isZero();

        clock.setLocal(startsAt.minusDays(3).plusMinutes(90)); // 10:30, in the resident's quiet hours
        assertThat(notices.catchUp()).isEqualTo(3);
        assertThat(told(outage, "AHEAD")).containsExactly(BY_SMS, IN_APP, NEIGHBOUR);
        assertThat((String) utility.value("select payload->>'text' from outbox_message where customer_id = ?", BY_SMS))
                .contains("12月1日 09:00").contains("17:00");
        Timestamp due = (Timestamp) utility.value("select next_attempt_at from outbox_message where customer_id = ?",
                IN_APP);
        assertThat(due.toInstant()).as("not happening yet: quiet hours hold").isEqualTo(
                clock.instant().plusSeconds(90 * 60));
        assertThat(notices.catchUp()).isZero();

        clock.setLocal(startsAt.minusDays(1).plusMinutes(30));
        assertThat(notices.catchUp()).isEqualTo(3);
        assertThat(told(outage, "DAY_BEFORE")).containsExactly(BY_SMS, IN_APP, NEIGHBOUR);

        // published twelve hours before it starts: announced at once, and no reminder after that
        clock.setLocal(TestUtility.NOW);
        long late = outages.publish("PLANNED", now.plusHours(12), now.plusHours(16), List.of(), List.of(AREA));
        assertThat(told(late, "AHEAD")).containsExactly(BY_SMS, IN_APP);
        clock.setLocal(TestUtility.NOW.plusHours(11));
        notices.catchUp();
        assertThat(told(late, "DAY_BEFORE")).isEmpty();
    }

    @Test
    void shouldTellThoseToldOfAPlannedOutageWhenItsWindowMoves() throws Exception {
        LocalDateTime startsAt = TestUtility.NOW.plusDays(2).withHour(9);
        long outage = outages.publish("PLANNED", local(startsAt), local(startsAt.plusHours(8)), List.of(), List.of(AREA));
        assertThat(told(outage, "AHEAD")).containsExactly(BY_SMS, IN_APP);

        outages.moveWindow(outage, local(startsAt.plusDays(1)), local(startsAt.plusDays(1).plusHours(6)));
        assertThat(told(outage, "RESCHEDULED")).containsExactly(BY_SMS, IN_APP);
        assertThat((String) utility.value("select payload->>'text' from outbox_message where idempotency_key = ?",
                "outage:" + outage + ":RESCHEDULED:1:" + BY_SMS)).contains("11月29日 09:00").contains("15:00");
        outages.changed(outage, Change.EDITED).join();
        assertThat(notices.catchUp()).as("the move is told once").isZero();

        outages.extendTo(outage, OTHER_AREA);
        assertThat(told(outage, "AHEAD")).as("the area added hears of it at its new time")
                .containsExactly(BY_SMS, IN_APP, NEIGHBOUR);
        assertThat((String) utility.value("select payload->>'text' from outbox_message where idempotency_key = ?",
                "outage:" + outage + ":AHEAD:" + NEIGHBOUR)).contains("11月29日 09:00");
        assertThat(told(outage, "RESCHEDULED")).containsExactly(BY_SMS, IN_APP);

        outages.moveWindow(outage, local(startsAt), local(startsAt.plusHours(8)));
        assertThat(utility.count("select count(*) from outbox_message where idempotency_key like ?",
                "outage:" + outage + ":RESCHEDULED:2:%")).as("moved back: everyone told, the new area too")
                .isEqualTo(3);
    }

    @Test
    void shouldCancelOnlyToThoseTold() throws Exception {
        long far = outages.publish("PLANNED", now.plusDays(10), now.plusDays(10).plusHours(4), List.of(FEEDER),
                List.of());
        outages.cancel(far);
        assertThat(utility.count("select count(*) from outbox_message")).as("nobody had heard of it").isZero();

        long near = outages.publish("PLANNED", now.plusDays(2), now.plusDays(2).plusHours(4), List.of(), List.of(AREA));
        outages.addArea(near, OTHER_AREA); // an edit whose event was lost: the neighbour was never told
        outages.cancel(near);
        assertThat(told(near, "CANCELLED")).containsExactly(BY_SMS, IN_APP);
        assertThat((String) utility.value("select payload->>'text' from outbox_message where idempotency_key = ?",
                "outage:" + near + ":CANCELLED:" + BY_SMS)).contains("已取消");
    }

    @Test
    void shouldSendWhatLostEventsLeftAtTheNextCatchUp() throws Exception {
        // as when the instance that published stopped before (or during) its fan-out: no event handled
        long outage = outages.create("UNPLANNED", now.minusMinutes(5), now.plusHours(2), List.of(), List.of(AREA));
        assertThat(notices.catchUp()).isEqualTo(2);
        outages.addArea(outage, OTHER_AREA);
        assertThat(notices.catchUp()).as("the area the edit added").isEqualTo(1);
        assertThat(told(outage, "KNOWN")).containsExactly(BY_SMS, IN_APP, NEIGHBOUR);
        assertThat(notices.catchUp()).isZero();
    }

    @Test
    void shouldWriteEachNoticeOnceWhenEditedAndRepublishedDuringTheFanOut() throws Exception {
        List<Integer> feeders = generatedFeeders();
        long outage = outages.create("UNPLANNED", now.minusMinutes(5), now.plusHours(2), feeders, List.of(AREA));

        CompletableFuture<Void> published = outages.changed(outage, Change.PUBLISHED);
        CompletableFuture<Long> caughtUp = CompletableFuture.supplyAsync(() -> {
            try {
                return notices.catchUp();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        outages.extendTo(outage, OTHER_AREA);
        CompletableFuture<Void> republished = outages.changed(outage, Change.PUBLISHED);
        CompletableFuture.allOf(published, caughtUp, republished).join();

        assertThat(utility.count("""
                select count(*) from (select customer_id from outbox_message
                                       where payload->'data'->>'outageId' = ?
                                       group by customer_id, payload->'data'->>'notice' having count(*) > 1) twice""",
                String.valueOf(outage))).as("customers told twice").isZero();
        long reachable = utility.count("""
                select count(*) from customer where status = 'ACTIVE' and mobile is not null and id < ?
                   and feeder_id = any (?)""", TestUtility.FIRST_TEST_ID, feeders.toArray(Integer[]::new));
        assertThat(utility.count("select count(*) from outbox_message where idempotency_key like ?",
                "outage:" + outage + ":KNOWN:%")).as("every reachable customer, the area added included")
                .isEqualTo(reachable + 3);
    }

    @Test
    void shouldFinishARoundCutShortTellingOnlyThoseNotYetTold() throws Exception {
        List<Integer> feeders = generatedFeeders();
        String reachable = """
                from customer where status = 'ACTIVE' and mobile is not null and id < ? and feeder_id = any (?)""";
        long everyone = utility.count("select count(*) " + reachable, TestUtility.FIRST_TEST_ID,
                feeders.toArray(Integer[]::new));
        int commitEvery = ConfigProvider.getConfig().getValue("gridcare.outage-notices.commit-every", Integer.class);
        assertThat(everyone).as("more customers than one transaction takes").isGreaterThan(commitEvery);
        // the round's second transaction fails on its first customer: the first transaction's customers stay told
        long firstOfSecond = (Long) utility.value("select id " + reachable + " order by id offset ? limit 1",
                TestUtility.FIRST_TEST_ID, feeders.toArray(Integer[]::new), commitEvery);
        utility.execute("""
                create function refuse_customer() returns trigger language plpgsql as $$
                begin if new.customer_id = %d then raise exception 'cut short'; end if; return new; end $$""".formatted(
                firstOfSecond));
        utility.execute("""
                create trigger cut_short before insert on outage_notified_customer
                for each row execute function refuse_customer()""");
        long outage;
        try {
            outage = outages.publish("UNPLANNED", now.minusMinutes(30), now.plusHours(3), feeders, List.of());
            assertThat(known(outage)).isEqualTo(commitEvery);
            assertThat(utility.count("select count(*) from outage_notice_round where outage_id = ?", outage))
                    .as("the round is not done").isZero();
        } finally {
            utility.execute("drop trigger cut_short on outage_notified_customer");
            utility.execute("drop function refuse_customer()");
        }

        assertThat(notices.catchUp()).as("only the customers the round did not reach").isEqualTo(everyone - commitEvery);
        assertThat(known(outage)).isEqualTo(everyone);
        assertThat(utility.count("select count(*) from outage_notified_customer where outage_id = ?", outage))
                .isEqualTo(everyone);
        assertThat(notices.catchUp()).isZero();
    }

    private long known(long outage) throws SQLException {
        return utility.count("select count(*) from outbox_message where idempotency_key like ?",
                "outage:" + outage + ":KNOWN:%");
    }

    private List<Integer> generatedFeeders() throws SQLException {
        List<Integer> feeders = new ArrayList<>();
        for (Object[] row : utility.rows("select distinct feeder_id from customer where id < ? and feeder_id is not null",
                TestUtility.FIRST_TEST_ID)) {
            feeders.add((Integer) row[0]);
        }
        return feeders;
    }

    private List<Long> told(long outage, String notice) throws SQLException {
        List<Long> customers = new ArrayList<>();
        for (Object[] row : utility.rows("""
                select customer_id from outbox_message where payload->'data'->>'outageId' = ?
                   and payload->'data'->>'notice' = ? order by customer_id""", String.valueOf(outage), notice)) {
            customers.add((Long) row[0]);
        }
        return customers;
    }

    private void customer(long id, int area, String mobile) throws SQLException {
        utility.customer(id, "RES_TIERED", "CLASSIC");
        utility.execute("update customer set feeder_id = ?, transformer_area_id = ?, mobile = ? where id = ?", FEEDER,
                area, mobile, id);
    }

    private OffsetDateTime local(LocalDateTime at) {
        return at.atZone(clock.getZone()).toOffsetDateTime();
    }

    private static String smsProvider() {
        return ConfigProvider.getConfig().getValue("gridcare.sms.base-url", String.class);
    }
}
