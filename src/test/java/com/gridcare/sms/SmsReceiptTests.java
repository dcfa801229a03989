package com.gridcare.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.common.HmacSignatures;
import com.gridcare.dataset.TestUtility;
import com.gridcare.notify.ChannelFixture;
import com.gridcare.notify.FakeSmsProvider;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * SMS against the fake provider: every text carries a reference (the outbox key, or a fresh one for a sign-in code),
 * the provider taking a text records nothing, and its signed receipt records the outcome once.
 */
@QuarkusTest
class SmsReceiptTests {

    private static final Instant AT = Instant.parse("2026-11-26T02:03:04Z");

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
    void shouldSendTheOutboxKeyAsReferenceAndRecordNothingUntilTheReceipt() throws Exception {
        String mobile = SignedInResident.newMobile();
        String key = fixture.remind(fixture.resident(mobile), fixture.customer(null), "SMS");

        assertThat(fixture.dispatch()).isEqualTo(1);

        assertThat(fixture.row(key)).startsWith("SENT", "SMS");
        JsonPath sms = lastText(mobile);
        assertThat(sms.getString("reference")).isEqualTo(key);
        assertThat(sms.getString("idempotencyKey")).isEqualTo(key);
        assertThat(fixture.outcomes(key)).as("the provider taking a text is not its arrival").isEmpty();
    }

    @Test
    void shouldSendTextsDueTogetherInOneBatchRequestEachWithItsOwnReference() throws Exception {
        // more texts than the dispatcher sends at once: one batch request is one send, so one claim takes them all
        int texts = ConfigProvider.getConfig().getValue("gridcare.outbox.concurrency", Integer.class) + 1;
        int batchesBefore = batches();
        String[] mobiles = new String[texts];
        String[] keys = new String[texts];
        for (int i = 0; i < texts; i++) {
            mobiles[i] = SignedInResident.newMobile();
            keys[i] = fixture.remind(fixture.resident(mobiles[i]), fixture.customer(null), "SMS");
        }

        assertThat(fixture.dispatch()).isEqualTo(texts);

        assertThat(batches()).isEqualTo(batchesBefore + 1);
        for (int i = 0; i < texts; i++) {
            assertThat(fixture.row(keys[i])).startsWith("SENT", "SMS");
            assertThat(lastText(mobiles[i]).getString("reference")).isEqualTo(keys[i]);
        }
    }

    @Test
    void shouldTryEveryTextOfARefusedBatchAgainLater() throws Exception {
        String first = fixture.remind(fixture.resident(SignedInResident.newMobile()), fixture.customer(null), "SMS");
        String second = fixture.remind(fixture.resident(SignedInResident.newMobile()), fixture.customer(null), "SMS");
        RestAssured.given().post(provider() + "/outage?status=503").then().statusCode(204);
        try {
            assertThat(fixture.dispatch()).isEqualTo(2);
        } finally {
            RestAssured.given().post(provider() + "/outage?status=0").then().statusCode(204);
        }

        assertThat(fixture.row(first)).startsWith("FAILED", "SMS");
        assertThat(fixture.row(second)).startsWith("FAILED", "SMS");
    }

    @Test
    void shouldRecordADeliveryReceiptOnceAndRefuseAnotherForTheSameText() throws Exception {
        String key = sentText();
        String delivered = receipt(key, "DELIVERED");

        receive(delivered, sign(delivered)).statusCode(204);

        assertThat(fixture.outcomes(key)).containsExactly("SMS DELIVERED");
        assertThat(((Timestamp) utility.value("select o.occurred_at from contact_outcome o join outbox_message m "
                + "on m.id = o.outbox_message_id where m.idempotency_key = ?", key)).toInstant()).isEqualTo(AT);
        assertThat(utility.value("select receipt_at from outbox_message where idempotency_key = ?", key)).isNotNull();

        receive(delivered, sign(delivered)).statusCode(409).contentType("application/problem+json");
        String failed = receipt(key, "FAILED");
        receive(failed, sign(failed)).statusCode(409);
        assertThat(fixture.outcomes(key)).as("a second receipt changes nothing").containsExactly("SMS DELIVERED");
        assertThat(utility.count("select count(*) from contact_outcome")).isEqualTo(1);
    }

    @Test
    void shouldRecordAFailedText() throws Exception {
        String key = sentText();
        String failed = receipt(key, "FAILED");

        receive(failed, sign(failed)).statusCode(204);

        assertThat(fixture.outcomes(key)).containsExactly("SMS FAILED");
    }

    @Test
    void shouldRefuseReceiptsNotSignedUnknownOrMalformedAndChangeNothing() throws Exception {
        String key = sentText();
        String delivered = receipt(key, "DELIVERED");

        receive(delivered, null).statusCode(403).contentType("application/problem+json");
        receive(delivered, HmacSignatures.sign("not-the-secret", bytes(delivered))).statusCode(403);
        receive(delivered, sign(receipt(key, "FAILED"))).statusCode(403);
        String unknown = receipt("test:no-such-key", "DELIVERED");
        receive(unknown, sign(unknown)).statusCode(404);
        String voiceKey = fixture.remind(fixture.resident(SignedInResident.newMobile()), null, "VOICE_CALL");
        String notAText = receipt(voiceKey, "DELIVERED");
        receive(notAText, sign(notAText)).statusCode(404);
        for (String malformed : new String[] { "not json", "{}", receipt(key, "READ"),
                "{\"reference\":\"" + key + "\",\"status\":\"DELIVERED\"}",
                "{\"reference\":\"" + key + "\",\"status\":\"DELIVERED\",\"at\":\"yesterday\"}" }) {
            receive(malformed, sign(malformed)).statusCode(400).contentType("application/problem+json");
        }

        assertThat(utility.count("select count(*) from contact_outcome")).as("nothing refused is recorded").isZero();
        assertThat(utility.count("select count(*) from outbox_message where receipt_at is not null")).isZero();
    }

    @Test
    void shouldSendASignInCodeWithAFreshReferenceThatNoReceiptFinds() throws Exception {
        SignedInResident resident = SignedInResident.signIn();

        String reference = lastText(resident.mobile()).getString("reference");
        assertThat(UUID.fromString(reference)).isNotNull();
        assertThat(lastText(resident.mobile()).getString("idempotencyKey")).isEqualTo(reference);
        String receipt = receipt(reference, "DELIVERED");
        receive(receipt, sign(receipt)).statusCode(404);
        assertThat(utility.count("select count(*) from contact_outcome")).isZero();
    }

    /** An SMS bill reminder the provider took; its outbox key. */
    private String sentText() throws Exception {
        String key = fixture.remind(fixture.resident(SignedInResident.newMobile()), fixture.customer(null), "SMS");
        assertThat(fixture.dispatch()).isEqualTo(1);
        return key;
    }

    private static String receipt(String reference, String status) {
        return "{\"reference\":\"" + reference + "\",\"status\":\"" + status + "\",\"at\":\"" + AT + "\"}";
    }

    private static ValidatableResponse receive(String body, String signature) {
        var request = RestAssured.given().contentType(ContentType.JSON).body(bytes(body));
        if (signature != null) {
            request.header(HmacSignatures.HEADER, signature);
        }
        return request.post("/api/v1/callbacks/sms").then();
    }

    private static String sign(String body) {
        return HmacSignatures.sign(FakeSmsProvider.CALLBACK_SECRET, bytes(body));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String provider() {
        return ConfigProvider.getConfig().getValue("gridcare.sms.base-url", String.class);
    }

    private static int batches() {
        return Integer.parseInt(RestAssured.given().get(provider() + "/batches").then().statusCode(200).extract().asString());
    }

    private static JsonPath lastText(String mobile) {
        return RestAssured.given().get(provider() + "/messages/" + mobile).then().statusCode(200).extract().jsonPath();
    }
}
