package com.gridcare.staff;

import com.gridcare.auth.SignedInResident;
import com.gridcare.dataset.TestUtility;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** A staff member signed in through the API as a staff tool does, with a password a test has just set. */
public final class SignedInStaff {

    public static final String PASSWORD = "correct horse battery";

    private final String staffNo;
    private final JsonPath session;

    private SignedInStaff(String staffNo, JsonPath session) {
        this.staffNo = staffNo;
        this.session = session;
    }

    /** Sets the test password for {@code staffNo} (if not yet) and signs in with it from an address of its own. */
    public static SignedInStaff signIn(StaffPasswords passwords, String staffNo) {
        try {
            passwords.set(staffNo, PASSWORD);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        JsonPath session = RestAssured.given().header("X-Forwarded-For", SignedInResident.newAddress())
                .contentType(ContentType.JSON)
                .body("{\"staffNo\":\"" + staffNo + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/v1/staff/sessions").then().statusCode(201).extract().jsonPath();
        return new SignedInStaff(staffNo, session);
    }

    /** A test administrator, made if missing and signed in: for staff-only endpoints of other features. */
    public static SignedInStaff admin(TestStaff staff, StaffPasswords passwords) {
        try {
            return signIn(passwords, staff.ensure((int) TestUtility.FIRST_TEST_ID + 900, "ADMIN", null, false));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + accessToken());
    }

    public String staffNo() {
        return staffNo;
    }

    public String accessToken() {
        return session.getString("accessToken");
    }

    public int id() {
        return session.getInt("staff.id");
    }
}
