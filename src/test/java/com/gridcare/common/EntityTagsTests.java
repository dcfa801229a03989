package com.gridcare.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.binding.TestAccounts;

import io.quarkus.test.junit.QuarkusTest;

/** ETags and conditional GET on the cacheable reads, through HTTP. */
@QuarkusTest
class EntityTagsTests {

    private static final String STRONG_TAG = "\"[0-9a-f]{32}\"";

    @Inject
    TestAccounts accounts;

    @BeforeEach
    void utility() throws SQLException {
        accounts.ensure();
    }

    @Test
    void shouldTagAPublicReadAndAnswerItsTagWithNotModified() {
        String tag = given().queryParam("q", "a").get("/api/v1/outages").then().statusCode(200)
                .header("Cache-Control", "max-age=30").header("ETag", matchesPattern(STRONG_TAG))
                .header("Vary", nullValue()).extract().header("ETag");

        given().queryParam("q", "a").header("If-None-Match", tag).get("/api/v1/outages").then().statusCode(304)
                .header("ETag", tag).body(emptyString());
        given().queryParam("q", "a").header("If-None-Match", "\"0123\", W/" + tag).get("/api/v1/outages").then()
                .statusCode(304);
        given().queryParam("q", "a").header("If-None-Match", "\"0123\"").get("/api/v1/outages").then()
                .statusCode(200).header("ETag", tag).body("items", notNullValue());
    }

    @Test
    void shouldTagMyAccountsReadsAsPrivateAndVaryByAuthorization() throws SQLException {
        var mine = accounts.random();
        var resident = SignedInResident.signIn().bind(mine);
        String bills = "/api/v1/accounts/" + mine.accountNo() + "/bills";

        var first = resident.given().get(bills).then().statusCode(200)
                .header("Cache-Control", containsString("private")).header("Vary", "Authorization")
                .header("ETag", matchesPattern(STRONG_TAG)).extract();
        resident.given().header("If-None-Match", first.header("ETag")).get(bills).then().statusCode(304)
                .body(emptyString());
        String again = resident.given().get(bills).then().statusCode(200).extract().asString();
        assertThat(again).isEqualTo(first.asString());
    }

    @Test
    void shouldNotTagErrorsOrReadsThatAreNotCacheable() throws SQLException {
        var resident = SignedInResident.signIn();
        resident.given().get("/api/v1/me").then().statusCode(200).header("ETag", nullValue());
        resident.given().get("/api/v1/me/accounts").then().statusCode(200).header("ETag", nullValue());
        resident.given().get("/api/v1/accounts/" + TestAccounts.UNKNOWN_ACCOUNT_NO + "/bills").then().statusCode(404)
                .header("ETag", nullValue()).header("Cache-Control", nullValue());
        given().get("/api/v1/outages/0").then().statusCode(404).header("ETag", nullValue());
        given().queryParam("q", "").get("/api/v1/outages").then().statusCode(400).header("ETag", nullValue());
    }
}
