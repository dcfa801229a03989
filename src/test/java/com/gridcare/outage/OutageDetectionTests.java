package com.gridcare.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.binding.TestAccounts;
import com.gridcare.dataset.TestUtility;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Outage detection through the real interfaces: repair reports and "停电了" told to the bot from customers of one
 * transformer area open one suspected outage (3 customers within 15 minutes, the defaults); later reports there are
 * linked to it and residents asking are told the fault is known; reports spread over areas open nothing.
 */
@QuarkusTest
class OutageDetectionTests {

    private static final AtomicLong NEXT_CUSTOMER = new AtomicLong(TestUtility.FIRST_TEST_ID + 8_000);
    private static final String REPORT = """
            {"description": "突然停电了", "contactPhone": "13812345678"}""";

    @Inject
    TestUtility utility;

    @Inject
    RecordedOutageChanges changes;

    private List<Integer> areas;

    @BeforeEach
    void utility() throws Exception {
        utility.ensureGenerated();
        areas = utility.rows("select id from transformer_area order by id limit 12").stream()
                .map(row -> (Integer) row[0]).toList();
    }

    @AfterEach
    void clean() throws Exception {
        utility.removeTestRows();
    }

    @Test
    void shouldOpenOneSuspectedOutageWhenThreeCustomersOfAnAreaReportAndLinkLaterReportsToIt() throws Exception {
        int area = areas.get(0);
        List<Reporter> reporters = reporters(area, 4);

        report(reporters.get(0)).statusCode(201).body("status", equalTo("RECEIVED"));
        report(reporters.get(1)).statusCode(201).body("status", equalTo("RECEIVED"));
        report(reporters.get(0)).statusCode(200);
        assertThat(suspected()).as("two customers, however often they report, are not three").isEmpty();

        long outage = report(reporters.get(2)).statusCode(201).body("status", equalTo("LINKED")).extract().jsonPath()
                .getLong("linkedOutageId");
        assertThat(suspected()).containsExactly(outage);
        assertThat(utility.rows("select kind, status, cause from outage where id = ?", outage).get(0))
                .containsExactly("UNPLANNED", "SUSPECTED", "UNKNOWN");
        assertThat(utility.rows("select feeder_id, transformer_area_id from outage_scope where outage_id = ?", outage))
                .containsExactly(new Object[] { null, area });
        assertThat(linkedWithin(outage, 3)).as("the two reports before it, waiting for a crew, now follow it")
                .isEqualTo(3);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (changes.of(outage).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // the event reaches its observers one after another, after the report's answer
        }
        assertThat(changes.of(outage)).extracting(OutageChanged::change)
                .containsExactly(OutageChanged.Change.SUSPECTED);
        reporters.get(0).resident().given().get("/api/v1/accounts/" + reporters.get(0).account().accountNo()
                + "/repairs").then().statusCode(200).body("items[0].status", equalTo("LINKED"))
                .body("items[0].linkedOutageId", equalTo((int) outage));

        Reporter fourth = reporters.get(3);
        report(fourth).statusCode(201).body("status", equalTo("LINKED")).body("linkedOutageId", equalTo((int) outage));
        fourth.resident().given().get("/api/v1/accounts/" + fourth.account().accountNo() + "/outages").then()
                .statusCode(200).body("current", nullValue()).body("suspected.id", equalTo((int) outage))
                .body("suspected.kind", equalTo("UNPLANNED"));
        ask(fourth, "我家停电了").body("answer", containsString("我们已经知道这个故障"));
        assertThat(suspected()).containsExactly(outage);
    }

    @Test
    void shouldOpenNoneFromReportsSpreadThinlyOverManyAreas() throws Exception {
        for (int area : areas) {
            report(reporters(area, 1).get(0)).statusCode(201).body("status", equalTo("RECEIVED"));
        }
        assertThat(utility.count("select count(*) from outage_signal")).isEqualTo(areas.size());
        assertThat(suspected()).isEmpty();
    }

    @Test
    void shouldCountOnlyReportsWithinTheWindowAndSinceTheLastSuspicionWasDismissed() throws Exception {
        int area = areas.get(1);
        List<Reporter> reporters = reporters(area, 6);
        for (Reporter old : reporters.subList(0, 2)) {
            utility.execute("insert into outage_signal (transformer_area_id, customer_id, source, at) "
                    + "values (?, ?, 'REPAIR', ?)", area, old.customerId(), OffsetDateTime.now().minusMinutes(16));
        }
        report(reporters.get(2)).statusCode(201).body("status", equalTo("RECEIVED"));
        assertThat(suspected()).as("two of the three reports are older than 15 minutes").isEmpty();

        report(reporters.get(3)).statusCode(201).body("status", equalTo("RECEIVED"));
        long outage = report(reporters.get(4)).statusCode(201).body("status", equalTo("LINKED")).extract().jsonPath()
                .getLong("linkedOutageId");
        utility.execute("update outage set status = 'DISMISSED', updated_at = now() where id = ?", outage);

        ask(reporters.get(5), "我家停电了").body("answer", containsString("目前供电正常"));
        assertThat(suspected()).as("the reports before the dismissal do not count again").isEmpty();
    }

    @Test
    void shouldOpenOneSuspectedOutageFromResidentsTellingTheBot() throws Exception {
        int area = areas.get(2);
        List<Reporter> reporters = reporters(area, 3);

        ask(reporters.get(0), "我家停电了").body("answer", containsString("目前供电正常"));
        ask(reporters.get(1), "我家没电了").body("answer", containsString("目前供电正常"));
        ask(reporters.get(2), "我家停电了").body("answer", containsString("我们已经知道这个故障"));

        assertThat(suspected()).hasSize(1);
        assertThat(utility.count("select count(*) from outage_signal where source = 'CHAT'")).isEqualTo(3);
        reporters.get(0).resident().given().get("/api/v1/accounts/" + reporters.get(0).account().accountNo()
                + "/outages").then().statusCode(200).body("suspected.cause", equalTo("UNKNOWN"));
    }

    @Test
    void shouldOpenExactlyOneSuspectedOutageWhenAnAreasReportsArriveAtOnce() throws Exception {
        int area = areas.get(3);
        List<Reporter> reporters = reporters(area, 8);
        ExecutorService pool = Executors.newFixedThreadPool(reporters.size());
        try {
            List<Callable<Integer>> reports = new ArrayList<>();
            for (Reporter reporter : reporters) {
                reports.add(() -> report(reporter).extract().statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(reports)) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> opened = suspected();
        assertThat(opened).hasSize(1);
        assertThat(linkedWithin(opened.get(0), 8)).as("the reports before the one that opened it follow it too")
                .isEqualTo(8);
        assertThat(utility.count("select count(*) from repair_ticket where status = 'RECEIVED'")).isZero();
    }

    /** The tickets linked to the outage once {@code expected} are or 10 seconds have passed (linking is asynchronous). */
    private long linkedWithin(long outage, long expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long linked;
        while ((linked = utility.count("select count(*) from repair_ticket where status = 'LINKED' and outage_id = ?",
                outage)) < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return linked;
    }

    private List<Long> suspected() throws Exception {
        return utility.rows("select id from outage where status = 'SUSPECTED' order by id").stream()
                .map(row -> (Long) row[0]).toList();
    }

    private record Reporter(long customerId, TestAccounts.Account account, SignedInResident resident) {
    }

    /** Signed-in residents, each with a test customer of the transformer area bound. */
    private List<Reporter> reporters(int area, int count) throws Exception {
        List<Reporter> reporters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = utility.customer(NEXT_CUSTOMER.incrementAndGet(), "RES_TIERED", "SMART");
            utility.execute("update customer set transformer_area_id = ?, mobile = '13912345678' where id = ?", area, id);
            var account = new TestAccounts.Account("T" + id, "13912345678");
            reporters.add(new Reporter(id, account, SignedInResident.signIn().bind(account)));
        }
        return reporters;
    }

    private static ValidatableResponse report(Reporter reporter) {
        return reporter.resident().given().contentType(ContentType.JSON).body(REPORT)
                .post("/api/v1/accounts/" + reporter.account().accountNo() + "/repairs").then();
    }

    private static ValidatableResponse ask(Reporter reporter, String question) {
        return reporter.resident().given().contentType(ContentType.JSON)
                .body("{\"question\": \"" + question + "\", \"accountNo\": \"" + reporter.account().accountNo() + "\"}")
                .post("/api/v1/faq/ask").then().statusCode(200);
    }
}
