package com.gridcare.resident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.binding.TestAccounts;

import io.quarkus.test.junit.QuarkusTest;

/** The resident API's account-scoped reads through HTTP, with sign-in and the account-access check. */
@QuarkusTest
class ResidentReadEndpointsTests {

    /** Every account-scoped read; each must refuse an account that is not the caller's. */
    private static final List<String> ACCOUNT_SCOPED = List.of(
            "consumption/monthly", "consumption/daily?from=2026-10-01&to=2026-10-31", "consumption/tier-position",
            "consumption/estimate", "bills", "bills/latest", "bills/2026-10", "arrears", "payments", "outages");

    @Inject
    TestAccounts accounts;

    @BeforeEach
    void utility() throws SQLException {
        accounts.ensure();
    }

    @Test
    void shouldRefuseEveryAccountScopedReadOfAnAccountThatIsNotMine() throws SQLException {
        var mine = accounts.one("select c.account_no, c.mobile from customer c join meter m on m.customer_id = c.id "
                + "where m.kind = 'SMART' and c.mobile is not null and exists (select 1 from bill b "
                + "where b.customer_id = c.id and b.period = date '2026-10-01') order by random() limit 1");
        var owner = SignedInResident.signIn().bind(mine);
        var stranger = SignedInResident.signIn();
        for (String path : ACCOUNT_SCOPED) {
            String url = "/api/v1/accounts/" + mine.accountNo() + "/" + path;
            owner.given().get(url).then().log().ifValidationFails().statusCode(200);
            stranger.given().get(url).then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo("urn:gridcare:problem:not-found"));
            owner.given().get("/api/v1/accounts/" + TestAccounts.UNKNOWN_ACCOUNT_NO + "/" + path).then().statusCode(404);
            given().get(url).then().statusCode(401);
        }
    }

    @Test
    void shouldRefuseMalformedAccountNumbersPeriodsAndLimits() throws SQLException {
        var mine = accounts.random();
        var resident = SignedInResident.signIn().bind(mine);
        resident.given().get("/api/v1/accounts/03abc/bills").then().statusCode(400)
                .contentType("application/problem+json");
        resident.given().get("/api/v1/accounts/0300000001' or '1'='1/bills").then().statusCode(400);
        resident.given().get("/api/v1/accounts/" + mine.accountNo() + "/bills/2026-13").then().statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:invalid-request"));
        resident.given().get("/api/v1/accounts/" + mine.accountNo() + "/bills?limit=0").then().statusCode(400);
        resident.given().get("/api/v1/accounts/" + mine.accountNo() + "/consumption/monthly?months=7").then()
                .statusCode(400);
        resident.given().get("/api/v1/accounts/" + mine.accountNo() + "/consumption/daily?from=2026-01-01&to=2026-10-01")
                .then().statusCode(400);
        resident.given().get("/api/v1/accounts/" + mine.accountNo() + "/consumption/daily?from=yesterday&to=2026-10-01")
                .then().statusCode(400).body("detail", containsString("from"));
    }

    @Test
    void shouldServeMyMonthlyConsumptionAndDailyReadings() throws SQLException {
        var smart = accounts.one("select c.account_no, c.mobile from customer c join meter m on m.customer_id = c.id "
                + "where m.kind = 'SMART' and c.voltage_class = 'LV' and c.mobile is not null order by random() limit 1");
        var resident = SignedInResident.signIn().bind(smart);
        resident.given().get("/api/v1/accounts/" + smart.accountNo() + "/consumption/monthly").then().statusCode(200)
                .header("Cache-Control", containsString("private"))
                .body("series", hasSize(12));
        resident.given().get("/api/v1/accounts/" + smart.accountNo() + "/consumption/daily?from=2026-10-01&to=2026-10-31")
                .then().statusCode(200).body("days", hasSize(31));

        var classic = accounts.one("select c.account_no, c.mobile from customer c join meter m on m.customer_id = c.id "
                + "where m.kind = 'CLASSIC' and c.mobile is not null order by random() limit 1");
        resident.bind(classic).given()
                .get("/api/v1/accounts/" + classic.accountNo() + "/consumption/daily?from=2026-10-01&to=2026-10-31")
                .then().statusCode(409).body("type", equalTo("urn:gridcare:problem:not-smart-meter"));
    }

    @Test
    void shouldServeMyBillsArrearsAndPayments() throws SQLException {
        var mine = accounts.random();
        var resident = SignedInResident.signIn().bind(mine);
        String base = "/api/v1/accounts/" + mine.accountNo();
        var firstPage = resident.given().get(base + "/bills?limit=5").then().statusCode(200)
                .body("items", hasSize(5)).body("nextCursor", notNullValue()).extract().jsonPath();
        resident.given().queryParam("cursor", firstPage.getString("nextCursor")).get(base + "/bills?limit=10").then()
                .statusCode(200).body("items", hasSize(7));
        String latestPeriod = resident.given().get(base + "/bills/latest").then().statusCode(200)
                .extract().jsonPath().getString("period");
        assertThat(latestPeriod).isEqualTo(firstPage.getString("items[0].period"));
        resident.given().get(base + "/bills/" + latestPeriod).then().statusCode(200)
                .body("period", equalTo(latestPeriod));
        resident.given().get(base + "/bills/2001-01").then().statusCode(404);
        resident.given().get(base + "/arrears").then().statusCode(200);
        resident.given().get(base + "/payments").then().statusCode(200).body("items[0].channelName", notNullValue());
    }

    @Test
    void shouldServePublishedOutagesToAnyoneAndRefuseBadSearches() {
        given().get("/api/v1/outages?q=T0").then().statusCode(200).body("items", notNullValue());
        given().get("/api/v1/outages").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/outages/near?latitude=23.13&longitude=113.27&radius=3000").then().statusCode(200);
        given().get("/api/v1/outages/near?latitude=23.13").then().statusCode(400);
        given().get("/api/v1/outages/near?latitude=23.13&longitude=113.27&radius=50000").then().statusCode(400);
        given().get("/api/v1/outages/987654321").then().statusCode(404);
    }
}
