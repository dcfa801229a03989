package com.gridcare.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.dataset.TestUtility;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Staff sign-in: roles and scope in the token, the same refusal for every wrong credential, the lock, the audit. */
@QuarkusTest
class StaffResourceTests {

    @Inject
    TestUtility utility;

    @Inject
    StaffPasswords passwords;

    @Inject
    TestStaff testStaff;

    @BeforeEach
    void utility() throws SQLException {
        utility.ensureGenerated();
    }

    @Test
    void shouldSignInAnAgentWithTheirAreaAndDistrict() throws SQLException {
        Object[] agent = utility.rows("""
                select s.staff_no, s.district_id, g.id from staff s join grid_area g on g.owner_staff_id = s.id
                 order by s.id limit 1""").get(0);
        SignedInStaff staff = SignedInStaff.signIn(passwords, (String) agent[0]);
        staff.given().get("/api/v1/staff/me").then().statusCode(200)
                .body("staffNo", equalTo(agent[0])).body("role", equalTo("AGENT"))
                .body("districtId", equalTo(agent[1])).body("gridAreaId", equalTo(agent[2]));
        assertThat(utility.count("select count(*) from staff_audit_log where staff_no = ? and action = 'SIGN_IN'",
                agent[0])).isPositive();
    }

    @Test
    void shouldSignInSupervisorsAndAdminsWithoutAnArea() throws SQLException {
        String supervisor = (String) utility.value("select staff_no from staff where role = 'SUPERVISOR' order by id limit 1");
        SignedInStaff.signIn(passwords, supervisor).given().get("/api/v1/staff/me").then().statusCode(200)
                .body("role", equalTo("SUPERVISOR")).body("districtId", notNullValue()).body("gridAreaId", nullValue());
        String admin = (String) utility.value("select staff_no from staff where role = 'ADMIN' limit 1");
        SignedInStaff.signIn(passwords, admin).given().get("/api/v1/staff/me").then().statusCode(200)
                .body("role", equalTo("ADMIN")).body("districtId", nullValue());
    }

    @Test
    void shouldRefuseWrongPasswordsUnknownNumbersAndStaffWithoutPasswordAlike() throws SQLException {
        String staffNo = testStaff.ensure((int) TestUtility.FIRST_TEST_ID + 11, "AGENT", 1, false);
        passwords.set(staffNo, SignedInStaff.PASSWORD);
        signIn(staffNo, "wrong password!").statusCode(401)
                .body("type", equalTo("urn:gridcare:problem:invalid-credentials"));
        signIn("S99999", SignedInStaff.PASSWORD).statusCode(401)
                .body("type", equalTo("urn:gridcare:problem:invalid-credentials"));
        String withoutPassword = testStaff.ensure((int) TestUtility.FIRST_TEST_ID + 12, "AGENT", 1, false);
        utility.execute("update staff set password_hash = null where staff_no = ?", withoutPassword);
        signIn(withoutPassword, SignedInStaff.PASSWORD).statusCode(401);
        assertThat(utility.count("select count(*) from staff_audit_log where staff_no = ? and action = 'SIGN_IN_REFUSED'",
                staffNo)).isPositive();
    }

    @Test
    void shouldLockAStaffNumberAfterRepeatedWrongPasswords() throws SQLException {
        String staffNo = testStaff.ensure((int) TestUtility.FIRST_TEST_ID + 13, "AGENT", 1, false);
        passwords.set(staffNo, SignedInStaff.PASSWORD);
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(staffNo, "not the password " + attempt).statusCode(401);
        }
        signIn(staffNo, SignedInStaff.PASSWORD).statusCode(429);
    }

    @Test
    void shouldValidateTheRequestAndKeepResidentsOut() {
        signIn("s-1", "x").statusCode(400);
        SignedInResident.signIn().given().get("/api/v1/staff/me").then().statusCode(403);
        RestAssured.given().get("/api/v1/staff/me").then().statusCode(401);
    }

    private static ValidatableResponse signIn(String staffNo, String password) {
        return RestAssured.given().header("X-Forwarded-For", SignedInResident.newAddress()).contentType(ContentType.JSON)
                .body("{\"staffNo\":\"" + staffNo + "\",\"password\":\"" + password + "\"}")
                .post("/api/v1/staff/sessions").then();
    }
}
