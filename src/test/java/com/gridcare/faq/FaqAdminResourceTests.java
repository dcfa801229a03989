package com.gridcare.faq;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class FaqAdminResourceTests {

    private static final String ENTRIES = "/api/v1/faq/entries";

    @Inject
    Pool pool;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    FaqConfig config;

    @Inject
    FaqEngine engine;

    @Inject
    KnowledgeBaseService knowledgeBase;

    @Inject
    TestStaff testStaff;

    @Inject
    StaffPasswords passwords;

    private SignedInStaff editor;

    /** Other test classes regenerate the utility, and truncating staff cascades to the knowledge base. */
    @BeforeEach
    void knowledgeBaseInPlace() {
        knowledgeBase.resync().await().indefinitely();
    }

    /** Requests as a staff member: the knowledge base is edited by staff only. */
    private RequestSpecification asStaff() {
        if (editor == null) {
            editor = SignedInStaff.admin(testStaff, passwords);
        }
        return editor.given();
    }

    @Test
    void shouldLetOnlyStaffEditTheKnowledgeBase() {
        given().get(ENTRIES).then().statusCode(401);
        SignedInResident.signIn().given().get(ENTRIES).then().statusCode(403);
        SignedInResident.signIn().given().contentType(ContentType.JSON)
                .body(entry("test.by-resident", "居民能改吗？", "不能。", "居民改知识库")).post(ENTRIES).then().statusCode(403);
        asStaff().get(ENTRIES).then().statusCode(200);
    }

    private static Map<String, Object> entry(String topicId, String title, String answer, String... phrasings) {
        return Map.of("topicId", topicId, "title", title, "answer", answer, "phrasings", List.of(phrasings));
    }

    private static ValidatableResponse ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/v1/faq/ask").then()
                .statusCode(200);
    }

    @Test
    void shouldListEveryTopicOfTheKnowledgeBase() {
        asStaff().get(ENTRIES).then().statusCode(200)
                .body("topicId", hasItems("account.bind", "bill.tiered-pricing", "intent.agent.human"))
                .body("find { it.topicId == 'account.bind' }.status", equalTo("ACTIVE"))
                .body("find { it.topicId == 'account.bind' }.phrasings.size()", greaterThan(7));
    }

    @Test
    void shouldAnswerWithATopicAsSoonAsItIsCreatedEditedAndStopWhenRetired() {
        String topic = "test.science-museum";
        asStaff().contentType(ContentType.JSON).body(entry(topic, "电力科普馆怎么预约参观？", "科普馆每周六开放，请提前预约。",
                "电力科普馆怎么预约", "科普馆参观要预约吗", "带孩子参观电力科普馆")).post(ENTRIES).then()
                .statusCode(201).header("Location", endsWith(ENTRIES + "/" + topic))
                .body("version", equalTo(1)).body("status", equalTo("ACTIVE"));
        ask("想带孩子去电力科普馆参观 怎么预约").body("topicId", equalTo(topic))
                .body("answer", equalTo("科普馆每周六开放，请提前预约。"));

        asStaff().contentType(ContentType.JSON).body(Map.of("title", "电力科普馆怎么预约参观？",
                "answer", "科普馆周六、周日开放，请在公众号预约。", "phrasings", List.of("电力科普馆怎么预约", "科普馆周末开放吗")))
                .put(ENTRIES + "/" + topic).then().statusCode(200).body("version", equalTo(2));
        ask("想带孩子去电力科普馆参观 怎么预约").body("topicId", equalTo(topic))
                .body("answer", equalTo("科普馆周六、周日开放，请在公众号预约。"));

        asStaff().delete(ENTRIES + "/" + topic).then().statusCode(204);
        ask("想带孩子去电力科普馆参观 怎么预约").body("topicId", not(equalTo(topic)));
        asStaff().delete(ENTRIES + "/" + topic).then().statusCode(404);

        asStaff().get(ENTRIES + "/" + topic + "/history").then().statusCode(200)
                .body("version", contains(1, 2, 3))
                .body("status", contains("ACTIVE", "ACTIVE", "RETIRED"))
                .body("[0].answer", equalTo("科普馆每周六开放，请提前预约。"));
        asStaff().get(ENTRIES).then().body("find { it.topicId == '" + topic + "' }.status", equalTo("RETIRED"));
    }

    @Test
    void shouldReloadWhenAnotherInstanceAnnouncesAChange() throws Exception {
        String topic = "test.announced";
        asStaff().contentType(ContentType.JSON).body(entry(topic, "电力夏令营怎么报名？", "夏令营七月开营。",
                "电力夏令营怎么报名", "暑假电力夏令营")).post(ENTRIES).then().statusCode(201);
        // Another instance's edit: committed to PostgreSQL, then announced on the channel; this instance did not
        // make it and learns of it only through Redis.
        pool.withTransaction(connection -> connection.preparedQuery("""
                update faq_entry set answer = '夏令营八月开营。', version = version + 1 where topic_id = $1""")
                .execute(Tuple.of(topic))).await().indefinitely();
        long revision = pool.query("select sum(version) from faq_entry").execute().await().indefinitely()
                .iterator().next().getLong(0);
        redis.pubsub(String.class).publish(config.changesChannel(), Long.toString(revision))
                .await().indefinitely();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (engine.revision() < revision && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ask("电力夏令营怎么报名").body("topicId", equalTo(topic)).body("answer", equalTo("夏令营八月开营。"));
        asStaff().delete(ENTRIES + "/" + topic).then().statusCode(204);
    }

    @Test
    void shouldRestoreTheShippedTopicsWhenTheTableWasEmptied() {
        pool.query("truncate faq_entry_history, faq_entry").execute().await().indefinitely();

        knowledgeBase.resync().await().indefinitely();

        asStaff().get(ENTRIES).then().statusCode(200).body("size()", equalTo(52))
                .body("version", everyItem(equalTo(1)));
        ask("點樣綁定戶號").body("topicId", equalTo("account.bind"));
    }

    @Test
    void shouldRefuseATakenTopicId() {
        asStaff().contentType(ContentType.JSON).body(entry("account.bind", "重复", "重复", "重复")).post(ENTRIES).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:gridcare:problem:topic-exists"));
    }

    @Test
    void shouldRefuseInvalidEntries() {
        asStaff().contentType(ContentType.JSON).body(entry("Bad Id!", " ", "答案", "问法")).post(ENTRIES).then()
                .statusCode(400).body("violations.field", hasItems("topicId", "title"));
        asStaff().contentType(ContentType.JSON).body(Map.of("title", "标题", "answer", "答案".repeat(2001),
                "phrasings", List.of(""))).put(ENTRIES + "/account.bind").then()
                .statusCode(400).body("violations.field", hasItem("answer")).body("violations", hasSize(2));
        asStaff().contentType(ContentType.JSON).body(Map.of("title", "<script>alert(1)</script>")).put(ENTRIES + "/x")
                .then().statusCode(400);
    }

    @Test
    void shouldNotFindUnknownTopics() {
        asStaff().contentType(ContentType.JSON).body(Map.of("title", "标题", "answer", "答案", "phrasings", List.of()))
                .put(ENTRIES + "/no.such-topic").then().statusCode(404).contentType("application/problem+json");
        asStaff().delete(ENTRIES + "/no.such-topic").then().statusCode(404);
        asStaff().get(ENTRIES + "/no.such-topic/history").then().statusCode(404);
    }
}
