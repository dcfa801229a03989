package com.gridcare.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The dashboard's chart data through the API, checked against the same sums computed from the utility's own tables:
 * every chart for an administrator, a supervisor's district only, CSV on request, refusals for agents and bad filters.
 */
@QuarkusTest
class DashboardResourceTests {

    private static final String BASE = "/api/v1/staff/dashboard/";

    @Inject
    DashboardFixture fixture;

    @BeforeEach
    void prepare() throws SQLException {
        fixture.prepare();
    }

    @ParameterizedTest
    @ValueSource(strings = { "consumption", "collection", "arrears", "payment-channels", "outages", "escalations" })
    void shouldAnswerEveryChartWithRowsForAnAdministrator(String chart) {
        fixture.admin().given().get(BASE + chart).then().statusCode(200)
                .body("refreshedAt", notNullValue()).body("rows.size()", greaterThan(0));
    }

    @Test
    void shouldSumTheBillsOfTheWholeUtilityForAnAdministrator() throws SQLException {
        JsonPath consumption = fixture.admin().given().get(BASE + "consumption").then().statusCode(200)
                .extract().jsonPath();
        assertThat(sum(consumption, "rows.kwh")).isEqualByComparingTo(
                fixture.utility().decimal("select sum(kwh_total) from bill"));
        JsonPath collection = fixture.admin().given().get(BASE + "collection").then().statusCode(200)
                .extract().jsonPath();
        assertThat(sum(collection, "rows.billed")).isEqualByComparingTo(
                fixture.utility().decimal("select sum(total_amount) from bill"));
        assertThat(sum(collection, "rows.collected")).isEqualByComparingTo(
                fixture.utility().decimal("select sum(paid_amount) from bill"));
        assertThat(collection.getList("rows.period", String.class)).isSorted();
    }

    @Test
    void shouldShowASupervisorTheirOwnDistrictOnly() throws SQLException {
        JsonPath mine = fixture.supervisor().given().get(BASE + "collection").then().statusCode(200)
                .extract().jsonPath();
        BigDecimal district = fixture.utility().decimal("""
                select sum(b.total_amount) from bill b join customer c on c.id = b.customer_id
                  join grid_area g on g.id = c.grid_area_id where g.district_id = 1""");
        assertThat(sum(mine, "rows.billed")).isEqualByComparingTo(district);
        JsonPath theirs = fixture.otherSupervisor().given().get(BASE + "collection").then().statusCode(200)
                .extract().jsonPath();
        assertThat(sum(theirs, "rows.billed")).isEqualByComparingTo(fixture.utility().decimal("""
                select coalesce(sum(b.total_amount), 0) from bill b join customer c on c.id = b.customer_id
                  join grid_area g on g.id = c.grid_area_id where g.district_id = 2"""));
        // the same when they name their district, refused when they name another
        fixture.supervisor().given().queryParam("district", 1).get(BASE + "collection").then().statusCode(200);
        fixture.supervisor().given().queryParam("district", 2).get(BASE + "collection").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:gridcare:problem:forbidden"));
        // the outage and escalations are in district 1: the other district's supervisor sees none of them
        fixture.otherSupervisor().given().get(BASE + "outages").then().statusCode(200).body("rows.size()", equalTo(0));
        fixture.otherSupervisor().given().get(BASE + "escalations").then().statusCode(200)
                .body("rows.size()", equalTo(0));
    }

    @Test
    void shouldCountAnOutagesCustomersAndTheirMinutes() throws SQLException {
        long customers = fixture.utility().count("""
                select count(*) from customer c join outage_scope s on s.transformer_area_id = c.transformer_area_id
                 where s.outage_id = ? and c.status <> 'CLOSED'""", DashboardFixture.OUTAGE);
        fixture.supervisor().given().get(BASE + "outages").then().statusCode(200)
                .body("rows[0].cause", equalTo("EQUIPMENT_FAILURE")).body("rows[0].outages", equalTo(1))
                .body("rows[0].customersAffected", equalTo((int) customers))
                .body("rows[0].customerMinutes", equalTo((int) customers * 60));
    }

    @Test
    void shouldRateEscalationsAgainstTheirSla() {
        fixture.supervisor().given().queryParam("from", "2026-11").queryParam("to", "2026-11")
                .get(BASE + "escalations").then().statusCode(200)
                .body("rows.find { it.day == '2026-11-24' }.escalations", equalTo(2))
                .body("rows.find { it.day == '2026-11-24' }.answeredInTime", equalTo(1))
                .body("rows.find { it.day == '2026-11-24' }.slaCompliance", equalTo(0.5f))
                .body("rows.find { it.day == '2026-11-24' }.averageRating", equalTo(4.0f));
    }

    @Test
    void shouldNarrowByMonthsVoltageClassTariffAndGridArea() throws SQLException {
        fixture.admin().given().queryParam("from", "2026-03").queryParam("to", "2026-05")
                .get(BASE + "consumption").then().statusCode(200)
                .body("rows.period", equalTo(List.of("2026-03", "2026-04", "2026-05")));
        JsonPath tiered = fixture.admin().given().queryParam("voltageClass", "LV").queryParam("tariff", "RES_TIERED")
                .get(BASE + "consumption").then().statusCode(200).extract().jsonPath();
        assertThat(sum(tiered, "rows.kwh")).isEqualByComparingTo(fixture.utility().decimal("""
                select sum(b.kwh_total) from bill b join customer c on c.id = b.customer_id
                 where c.voltage_class = 'LV' and b.tariff_code = 'RES_TIERED'"""));
        String area = (String) fixture.utility().value("""
                select g.code from grid_area g join customer c on c.grid_area_id = g.id
                 group by g.code order by count(*) desc limit 1""");
        JsonPath channels = fixture.admin().given().queryParam("gridArea", area).get(BASE + "payment-channels")
                .then().statusCode(200).extract().jsonPath();
        assertThat(channels.getList("rows.payments", Integer.class).stream().mapToLong(Integer::longValue).sum())
                .isEqualTo(fixture.utility().count("""
                        select count(*) from payment p join customer c on c.id = p.customer_id
                          join grid_area g on g.id = c.grid_area_id where g.code = ?""", area));
        fixture.admin().given().get(BASE + "payment-channels").then().statusCode(200)
                .body("rows.channel", hasItems("WECHAT_PAY", "ALIPAY"));
    }

    @Test
    void shouldAnswerCsvWhenAskedFor() throws SQLException {
        JsonPath json = fixture.admin().given().get(BASE + "collection").then().statusCode(200).extract().jsonPath();
        String csv = fixture.admin().given().accept("text/csv").get(BASE + "collection").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("period,bills,billed,collected,paidOnTime,onTimeRate");
        assertThat(lines).hasSize(json.getList("rows").size() + 1);
        assertThat(lines[1]).startsWith(json.getString("rows[0].period") + "," + json.getInt("rows[0].bills") + ",");
        fixture.supervisor().given().accept("text/csv").get(BASE + "arrears").then().statusCode(200)
                .contentType(startsWith("text/csv"));
    }

    @Test
    void shouldRefuseAgents() {
        fixture.agent().given().get(BASE + "consumption").then().statusCode(403)
                .contentType("application/problem+json");
        fixture.agent().given().post(BASE + "refresh").then().statusCode(403);
        fixture.supervisor().given().post(BASE + "refresh").then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = { "from=2026-13", "to=2026", "from=2026-06&to=2026-01", "voltageClass=MV", "district=one",
            "tariff=res tiered", "gridArea=<script>" })
    void shouldRefuseABadFilterWithProblemJson(String query) {
        fixture.admin().given().get(BASE + "consumption?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:gridcare:problem:invalid-request")).body("detail", notNullValue());
    }

    @Test
    void shouldRefreshAndSayHowLongEachViewTook() {
        fixture.admin().given().post(BASE + "refresh").then().statusCode(200)
                .body("views.view", hasItems("dashboard_billing_month", "dashboard_payment_month",
                        "dashboard_payment_district_month", "dashboard_arrears", "dashboard_outage_month",
                        "dashboard_escalation_day"))
                .body("views.millis", everyItem(notNullValue()));
    }

    private static BigDecimal sum(JsonPath json, String path) {
        return json.using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).getList(path, BigDecimal.class).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
