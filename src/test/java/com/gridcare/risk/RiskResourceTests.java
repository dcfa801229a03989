package com.gridcare.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.dataset.TestUtility;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The risk model through its endpoints on the small generated utility: trained on earlier months, it must beat
 * "late last time" on the later months it never saw, and every account with a bill gets a tier.
 */
@QuarkusTest
class RiskResourceTests {

    private static final String MODELS = "/api/v1/staff/risk/models";

    @Inject
    TestUtility utility;

    @Inject
    StaffPasswords passwords;

    @Inject
    TestStaff staff;

    @BeforeEach
    void utility() throws SQLException {
        utility.ensureGenerated();
    }

    @Test
    void shouldTrainAModelThatBeatsLateLastTimeOnLaterMonthsAndScoreEveryAccount() throws SQLException {
        JsonPath model = SignedInStaff.admin(staff, passwords).given().post(MODELS).then().statusCode(201)
                .body("version", greaterThan(0)).body("testBills", greaterThan(1000))
                .extract().jsonPath();
        double modelAuc = model.getDouble("evaluation.model.auc");
        double ruleAuc = model.getDouble("evaluation.lateLastTime.auc");
        assertThat(modelAuc).as("model AUC on the test months").isGreaterThan(ruleAuc).isGreaterThan(0.75);
        assertThat(model.getDouble("evaluation.model.brier")).isLessThan(model.getDouble("evaluation.lateLastTime.brier"));
        assertThat(model.getList("evaluation.model.calibration")).hasSize(10);
        assertThat(model.getString("trainUntil")).isLessThan(model.getString("validatedUntil"));
        assertThat(model.getString("validatedUntil")).isLessThan(model.getString("testedUntil"));

        long withBills = utility.count("select count(distinct customer_id) from bill");
        assertThat(model.getLong("accountsScored")).isEqualTo(withBills);
        assertThat(utility.count("select count(*) from risk_score where model_version = ?", model.getInt("version")))
                .isEqualTo(withBills);
        assertThat(utility.count("select count(*) from risk_score where tier = 'HIGH'")).isPositive();
        assertThat(utility.count("select count(*) from risk_score where tier = 'LOW'")).isPositive();

        SignedInStaff supervisor = SignedInStaff.signIn(passwords,
                (String) utility.value("select staff_no from staff where role = 'SUPERVISOR' order by id limit 1"));
        supervisor.given().get(MODELS + "/current").then().statusCode(200)
                .body("version", equalTo(model.getInt("version"))).body("evaluation.model.auc", notNullValue());

        Object[] risky = utility.rows("select account_no, tier from risk_score order by probability desc limit 1").get(0);
        agent().given().get("/api/v1/staff/customers/{accountNo}/risk", risky[0]).then().statusCode(200)
                .body("accountNo", equalTo(risky[0])).body("tier", equalTo(risky[1]))
                .body("modelVersion", equalTo(model.getInt("version"))).body("drivers.size()", greaterThan(0))
                .body("drivers[0].effect", greaterThan(0f));
    }

    @Test
    void shouldTierHvCustomersWithLargeBillsByTheAmountAtRiskToo() throws SQLException {
        SignedInStaff.admin(staff, passwords).given().post(MODELS).then().statusCode(201);
        assertThat(utility.count("select count(*) from risk_score where hv_large_bill")).isPositive();
        assertThat(utility.count("""
                select count(*) from risk_score s join customer c on c.id = s.customer_id
                 where s.hv_large_bill and c.voltage_class <> 'HV'""")).isZero();
        // A large bill at a low probability: the amount at risk alone lifts it above what its probability would give.
        assertThat(utility.count("""
                select count(*) from risk_score
                 where hv_large_bill and amount_at_risk >= 10000 and probability < 0.4 and tier <> 'HIGH'""")).isZero();
    }

    @Test
    void shouldLetOnlyAdminsTrainAndSupervisorsSeeTheModel() {
        SignedInStaff agent = agent();
        agent.given().post(MODELS).then().statusCode(403);
        agent.given().get(MODELS + "/current").then().statusCode(403);
        RestAssured.given().post(MODELS).then().statusCode(401);
        RestAssured.given().get("/api/v1/staff/customers/{accountNo}/risk", "0000000001").then().statusCode(401);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownAccountAndBadRequestForAMalformedOne() {
        SignedInStaff agent = agent();
        agent.given().get("/api/v1/staff/customers/{accountNo}/risk", "X999999999").then().statusCode(404)
                .body("type", equalTo("urn:gridcare:problem:not-found"));
        agent.given().get("/api/v1/staff/customers/{accountNo}/risk", "not-an-account!").then().statusCode(400);
    }

    private SignedInStaff agent() {
        try {
            return SignedInStaff.signIn(passwords,
                    (String) utility.value("select staff_no from staff where role = 'AGENT' order by id limit 1"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
