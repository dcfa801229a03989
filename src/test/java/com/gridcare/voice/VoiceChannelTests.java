package com.gridcare.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.common.HmacSignatures;
import com.gridcare.dataset.TestUtility;
import com.gridcare.notify.ChannelFixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Automated voice calls against the fake provider: one call per outbox message however often it is tried, no outcome
 * until the provider calls back, and only signed, first reports of known calls recorded.
 */
@QuarkusTest
class VoiceChannelTests {

    @Inject
    ChannelFixture fixture;

    @Inject
    TestUtility utility;

    @BeforeEach
    @AfterEach
    void clean() throws Exception {
        utility.removeTestRows();
    }

    @Test
    void shouldPlaceOneCallPerMessageEvenWhenTheSendIsRepeated() throws Exception {
        String mobile = SignedInResident.newMobile();
        String key = fixture.remind(fixture.resident(mobile), fixture.customer(null), "VOICE_CALL");

        assertThat(fixture.dispatch()).isEqualTo(1);
        Object[] row = fixture.row(key);
        assertThat(row[0]).isEqualTo("SENT");
        assertThat(row[1]).isEqualTo("VOICE_CALL");
        JsonPath call = call(row[3]);
        assertThat(call.getString("to")).isEqualTo(mobile);
        assertThat(call.getString("script")).contains("128.50");
        assertThat(fixture.outcomes(key)).as("placing a call says nothing of how it ends").isEmpty();

        // the instance stopped after the provider took the call but before it was recorded: the lease runs out
        utility.execute("update outbox_message set status = 'SENDING', locked_until = now() - interval '1 minute' "
                + "where idempotency_key = ?", key);
        assertThat(fixture.dispatch()).isEqualTo(1);

        JsonPath again = call(row[3]);
        assertThat(again.getInt("requests")).isEqualTo(2);
        assertThat(again.getString("callId")).isEqualTo(call.getString("callId"));
        assertThat(utility.count("select count(*) from voice_call where outbox_message_id = ?", row[3])).isEqualTo(1);
    }

    @Test
    void shouldFallBackToTheInboxWhenTheResidentHasNoMobile() throws Exception {
        long resident = (Long) utility.value("insert into resident (mobile) values (null) returning id");
        String key = fixture.remind(resident, fixture.customer(null), "VOICE_CALL");

        assertThat(fixture.dispatch()).isEqualTo(1);

        Object[] row = fixture.row(key);
        assertThat(row).startsWith("SENT", "APP_PUSH", "voice: no mobile");
        assertThat(fixture.outcomes(key)).containsExactly("VOICE_CALL FAILED");
    }

    @Test
    void shouldRecordTheResultTheProviderReportsOnceAndRefuseAnythingElse() throws Exception {
        String key = fixture.remind(fixture.resident(SignedInResident.newMobile()), fixture.customer(null),
                "VOICE_CALL");
        fixture.dispatch();
        String callId = call(fixture.row(key)[3]).getString("callId");
        String answered = "{\"callId\":\"" + callId + "\",\"result\":\"ANSWERED\"}";

        callback(answered, null).statusCode(403).contentType("application/problem+json");
        callback(answered, sign("{\"callId\":\"" + callId + "\",\"result\":\"BUSY\"}")).statusCode(403);
        callback(answered, HmacSignatures.sign("not-the-secret", answered.getBytes(StandardCharsets.UTF_8)))
                .statusCode(403);
        String unknown = "{\"callId\":\"call-unknown\",\"result\":\"ANSWERED\"}";
        callback(unknown, sign(unknown)).statusCode(404);
        String badResult = "{\"callId\":\"" + callId + "\",\"result\":\"HUNG_UP\"}";
        callback(badResult, sign(badResult)).statusCode(400);
        assertThat(fixture.outcomes(key)).as("nothing refused is recorded").isEmpty();

        callback(answered, sign(answered)).statusCode(204);
        assertThat(fixture.outcomes(key)).containsExactly("VOICE_CALL ANSWERED");

        callback(answered, sign(answered)).statusCode(409);
        String busy = "{\"callId\":\"" + callId + "\",\"result\":\"BUSY\"}";
        callback(busy, sign(busy)).statusCode(409);
        assertThat(fixture.outcomes(key)).as("a replay changes nothing").containsExactly("VOICE_CALL ANSWERED");
        assertThat(utility.value("select result from voice_call where call_id = ?", callId)).isEqualTo("ANSWERED");
    }

    private static ValidatableResponse callback(String body, String signature) {
        var request = RestAssured.given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header(HmacSignatures.HEADER, signature);
        }
        return request.post("/api/v1/callbacks/voice").then();
    }

    private static String sign(String body) {
        return HmacSignatures.sign(FakeVoiceProvider.CALLBACK_SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonPath call(Object outboxId) {
        return RestAssured.given().get(ConfigProvider.getConfig().getValue("gridcare.voice.base-url", String.class)
                + "/calls/gridcare-outbox-" + outboxId).then().statusCode(200).extract().jsonPath();
    }
}
