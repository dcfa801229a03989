package com.gridcare.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.gridcare.binding.TestAccounts;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;

/** Sign-in by mobile and SMS code, sessions, refresh and sign-out, through HTTP with the fake SMS provider. */
@QuarkusTest
class AuthResourceTests {

    @Inject
    TestAccounts accounts;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "gridcare.sms.base-url")
    String smsProvider;

    @ConfigProperty(name = "gridcare.auth.issuer")
    String issuer;

    @Test
    void shouldSignInWithTheTextedCodeAndKeepTheCodeOutOfTheResponse() {
        String mobile = SignedInResident.newMobile();
        askForCode(mobile, SignedInResident.newAddress()).statusCode(202).body("expiresIn", equalTo(300))
                .body("code", nullValue());
        assertThat(redis.key().pttl("sms-code:sign-in:" + mobile)).isBetween(290_000L, 300_000L);

        String code = SignedInResident.lastCodeSentTo(mobile);
        var session = signIn(mobile, code).statusCode(201).body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(1800)).body("resident.mobile", equalTo(mobile.substring(0, 3) + "****"
                        + mobile.substring(7)))
                .extract().jsonPath();
        given().auth().oauth2(session.getString("accessToken")).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(session.getInt("resident.id"))).body("boundAccounts", equalTo(0));

        signIn(mobile, code).statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:gridcare:problem:invalid-sms-code"));
    }

    @Test
    void shouldBeTheSameResidentWithTheirAccountsWhenTheSameMobileSignsInAgain() throws Exception {
        String mobile = SignedInResident.newMobile();
        accounts.ensure();
        var first = SignedInResident.signIn(mobile).bind(accounts.random());
        redis.key().del("rate:sms-interval:" + mobile);
        var second = SignedInResident.signIn(mobile);
        int firstId = first.given().get("/api/v1/me").then().extract().path("id");
        second.given().get("/api/v1/me").then().body("id", equalTo(firstId)).body("boundAccounts", equalTo(1));
        assertThat(second.session().getInt("resident.boundAccounts")).as("the session's own profile").isEqualTo(1);
    }

    @Test
    void shouldVoidTheCodeAfterFiveWrongGuesses() {
        String mobile = SignedInResident.newMobile();
        askForCode(mobile, SignedInResident.newAddress()).statusCode(202);
        String code = SignedInResident.lastCodeSentTo(mobile);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int guess = 0; guess < 5; guess++) {
            signIn(mobile, wrong).statusCode(401);
        }
        signIn(mobile, code).statusCode(401).body("type", equalTo("urn:gridcare:problem:invalid-sms-code"));
    }

    @Test
    void shouldRefreshOnceAndRefuseTheRefreshTokenAfterSignOut() {
        var resident = SignedInResident.signIn();
        var renewed = refresh(resident.refreshToken()).statusCode(200).body("accessToken", notNullValue())
                .extract().jsonPath();
        assertThat(renewed.getString("refreshToken")).isNotEqualTo(resident.refreshToken());
        refresh(resident.refreshToken()).statusCode(401)
                .body("type", equalTo("urn:gridcare:problem:invalid-refresh-token"));

        given().auth().oauth2(renewed.getString("accessToken")).get("/api/v1/me").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"" + renewed.getString("refreshToken") + "\"}")
                .post("/api/v1/auth/sessions/sign-out").then().statusCode(204);
        refresh(renewed.getString("refreshToken")).statusCode(401);
    }

    @Test
    void shouldLimitCodesPerPhoneAndPerAddress() {
        String mobile = SignedInResident.newMobile();
        String address = SignedInResident.newAddress();
        askForCode(mobile, address).statusCode(202);
        askForCode(mobile, SignedInResident.newAddress()).statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:gridcare:problem:too-many-requests"));
        assertThat(redis.key().pttl("rate:sms-interval:" + mobile)).isBetween(55_000L, 60_000L);

        String tenToday = SignedInResident.newMobile();
        redis.value(Long.class).setex("rate:sms-day:" + tenToday, 3600, 10L);
        askForCode(tenToday, SignedInResident.newAddress()).statusCode(429).body("detail", containsString("today"));

        String office = SignedInResident.newAddress();
        for (int phone = 0; phone < 30; phone++) {
            askForCode(SignedInResident.newMobile(), office).statusCode(202);
        }
        askForCode(SignedInResident.newMobile(), office).statusCode(429).body("detail", containsString("network"));
    }

    @Test
    void shouldAnswer503AndKeepNoCodeWhenTheSmsProviderIsDown() {
        String mobile = SignedInResident.newMobile();
        given().post(smsProvider + "/outage?status=503").then().statusCode(204);
        try {
            askForCode(mobile, SignedInResident.newAddress()).statusCode(503).header("Retry-After", "30")
                    .body("type", equalTo("urn:gridcare:problem:sms-unavailable"));
        } finally {
            given().post(smsProvider + "/outage?status=0").then().statusCode(204);
        }
        assertThat(redis.key().exists("sms-code:sign-in:" + mobile)).isFalse();
    }

    @Test
    void shouldRefuseMalformedSignInRequestsWithProblemJson() {
        given().contentType(ContentType.JSON).body("{\"mobile\":").post("/api/v1/auth/sms-codes").then()
                .statusCode(400).body("type", equalTo("urn:gridcare:problem:malformed-json"));
        given().contentType(ContentType.JSON).body("{\"mobile\":13800000000}").post("/api/v1/auth/sms-codes").then()
                .statusCode(400);
        given().contentType(ContentType.JSON).body("{\"mobile\":\"1380000' or 1=1--\"}").post("/api/v1/auth/sms-codes")
                .then().statusCode(400).body("type", equalTo("urn:gridcare:problem:validation-failed"))
                .body("violations[0].field", equalTo("mobile")).body("detail", not(containsString("or 1=1")));
        given().contentType(ContentType.JSON).body("{\"mobile\":\"" + "1".repeat(5000) + "\"}")
                .post("/api/v1/auth/sms-codes").then().statusCode(400);
        given().contentType(ContentType.JSON).post("/api/v1/auth/sessions").then().statusCode(400);
        signIn(SignedInResident.newMobile(), "12345").statusCode(400);
        signIn(SignedInResident.newMobile(), "<script>").statusCode(400);
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"" + "x".repeat(65) + "\"}")
                .post("/api/v1/auth/sessions/refresh").then().statusCode(400);
    }

    @Test
    void shouldRefuseMissingExpiredForgedAndForeignTokens() throws NoSuchAlgorithmException {
        given().get("/api/v1/me").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"))
                .contentType("application/problem+json").body("type", equalTo("urn:gridcare:problem:unauthorized"));
        given().auth().oauth2("not-a-jwt").get("/api/v1/me").then().statusCode(401);

        String expired = Jwt.issuer(issuer).subject("1").groups(Set.of("resident"))
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .sign();
        given().auth().oauth2(expired).get("/api/v1/me").then().statusCode(401);

        String otherIssuer = Jwt.issuer("https://elsewhere").subject("1").groups(Set.of("resident")).sign();
        given().auth().oauth2(otherIssuer).get("/api/v1/me").then().statusCode(401);

        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = Jwt.issuer(issuer).subject("1").groups(Set.of("resident"))
                .sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(otherKey).get("/api/v1/me").then().statusCode(401)
                .body("detail", not(containsString("signature")));

        String noRole = Jwt.issuer(issuer).subject("1").groups(Set.of("visitor")).sign();
        given().auth().oauth2(noRole).get("/api/v1/me").then().statusCode(403)
                .body("type", equalTo("urn:gridcare:problem:forbidden"));
    }

    @Test
    void shouldStillRefuseAlteredTokensOnceTheGenuineOneIsRemembered() {
        SignedInResident resident = SignedInResident.signIn();
        String genuine = resident.accessToken();
        for (int i = 0; i < 2; i++) {
            resident.given().get("/api/v1/me").then().statusCode(200);
        }

        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherSubject = payload.replaceFirst("\"sub\":\"\\d+\"", "\"sub\":\"999999999\"");
        assertThat(otherSubject).isNotEqualTo(payload);
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherSubject.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(altered).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(genuine + "x").get("/api/v1/me").then().statusCode(401);
        resident.given().get("/api/v1/me").then().statusCode(200);
    }

    private static ValidatableResponse askForCode(String mobile, String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body("{\"mobile\":\"" + mobile + "\"}").post("/api/v1/auth/sms-codes").then();
    }

    private static ValidatableResponse signIn(String mobile, String code) {
        return given().contentType(ContentType.JSON).body("{\"mobile\":\"" + mobile + "\",\"code\":\"" + code + "\"}")
                .post("/api/v1/auth/sessions").then();
    }

    private static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body("{\"refreshToken\":\"" + refreshToken + "\"}")
                .post("/api/v1/auth/sessions/refresh").then();
    }
}
