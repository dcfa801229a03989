package com.gridcare.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.binding.TestAccounts;
import com.gridcare.dataset.TestUtility;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Notification preferences through HTTP, and that the outbox honours them when a feature sends something. */
@QuarkusTest
class PreferenceResourceTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String REPORT = "{\"description\": \"没电了\", \"contactPhone\": \"13812345678\"}";

    @Inject
    TestAccounts accounts;

    @Inject
    TestUtility utility;

    @BeforeEach
    void utility() throws SQLException {
        accounts.ensure();
    }

    @Test
    void shouldShowDefaultsForEveryTopic() {
        // CHAT_ANSWER, an answer to the resident's own question, is no topic to choose
        SignedInResident.signIn().given().get("/api/v1/me/preferences").then().statusCode(200).body("", hasSize(6))
                .body("find { it.topic == 'CHAT_ANSWER' }", equalTo(null))
                .body("find { it.topic == 'MARKETING' }.enabled", equalTo(false))
                .body("find { it.topic == 'OUTAGE_NOTICE' }.enabled", equalTo(true));
    }

    @Test
    void shouldNotSendARefusedTopicAndKeepItOutOfTheInbox() throws SQLException {
        var account = accounts.random();
        var resident = SignedInResident.signIn().bind(account);
        set(resident, "REPAIR_PROGRESS", "{\"enabled\": false}").statusCode(200).body("enabled", equalTo(false));
        resident.given().contentType(ContentType.JSON).body(REPORT)
                .post("/api/v1/accounts/" + account.accountNo() + "/repairs").then().statusCode(201);
        assertThat(utility.value("select status from outbox_message where resident_id = "
                + "(select resident_id from repair_ticket order by id desc limit 1)")).isEqualTo("SKIPPED");
        resident.given().get("/api/v1/me/inbox").then().body("items", hasSize(0));
    }

    @Test
    void shouldSendOnThePreferredChannelAfterQuietHours() throws SQLException {
        var account = accounts.random();
        var resident = SignedInResident.signIn().bind(account);
        LocalTime now = LocalTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES);
        String from = now.minusHours(1).toString();
        String until = now.plusHours(1).toString();
        set(resident, "REPAIR_PROGRESS", "{\"enabled\": true, \"preferredChannel\": \"SMS\", \"quietFrom\": \"" + from
                + "\", \"quietUntil\": \"" + until + "\"}").statusCode(200).body("quietFrom", equalTo(from));
        resident.given().get("/api/v1/me/preferences").then()
                .body("find { it.topic == 'REPAIR_PROGRESS' }.preferredChannel", equalTo("SMS"));
        resident.given().contentType(ContentType.JSON).body(REPORT)
                .post("/api/v1/accounts/" + account.accountNo() + "/repairs").then().statusCode(201);
        Object[] sent = utility.rows("select channel_code, recipient, next_attempt_at from outbox_message "
                + "order by id desc limit 1").get(0);
        assertThat(sent[0]).isEqualTo("SMS");
        assertThat(sent[1]).isEqualTo(resident.mobile());
        assertThat(((Timestamp) sent[2]).toInstant().atZone(ZONE).toLocalTime().toString()).isEqualTo(until);
    }

    @Test
    void shouldRefuseMalformedPreferences() {
        var resident = SignedInResident.signIn();
        set(resident, "REPAIR_PROGRESS", "{\"enabled\": true, \"quietFrom\": \"22:00\"}").statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:invalid-request"));
        set(resident, "REPAIR_PROGRESS", "{\"enabled\": true, \"quietFrom\": \"25:00\", \"quietUntil\": \"07:00\"}")
                .statusCode(400);
        set(resident, "REPAIR_PROGRESS", "{\"enabled\": true, \"preferredChannel\": \"PIGEON\"}").statusCode(400);
        set(resident, "REPAIR_PROGRESS", "{\"enabled\": \"yes\"}").statusCode(400);
        set(resident, "REPAIR_PROGRESS", "{}").statusCode(400);
        set(resident, "WEATHER", "{\"enabled\": true}").statusCode(404);
        set(resident, "CHAT_ANSWER", "{\"enabled\": false}").statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:invalid-request"));
        resident.given().get("/api/v1/me/inbox?cursor=bm9wZQ").then().statusCode(400);
        resident.given().get("/api/v1/me/preferences").then()
                .body("find { it.topic == 'REPAIR_PROGRESS' }.quietFrom", equalTo(null));
    }

    private static io.restassured.response.ValidatableResponse set(SignedInResident resident, String topic, String body) {
        return resident.given().contentType(ContentType.JSON).body(body).put("/api/v1/me/preferences/" + topic).then();
    }
}
