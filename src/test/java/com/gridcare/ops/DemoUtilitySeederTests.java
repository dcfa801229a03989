package com.gridcare.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(DemoUtilitySeederTests.DemoProfile.class)
class DemoUtilitySeederTests {

    /** Dev mode's demo seeding, on the empty database a test profile starts with. */
    public static class DemoProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gridcare.demo.seed-on-start", "true", "gridcare.demo.customers", "400",
                    "gridcare.staff.demo-password", "demo-password-for-tests");
        }
    }

    @Inject
    TestStaff staff;

    @Inject
    StaffPasswords passwords;

    @Test
    void shouldSeedAnEmptyDatabaseWithTheDemoUtility() {
        SignedInStaff.admin(staff, passwords).given().get("/api/v1/ops/dataset").then().statusCode(200)
                .body("generation.status", equalTo("COMPLETE"))
                .body("estimatedRows.customer", equalTo(400))
                .body("steps.step", hasItems("NETWORK", "CUSTOMERS", "BILLS", "PAYMENTS"));
    }

    @Test
    void shouldShowAPlannedACurrentAndARestoredOutage() {
        SignedInStaff admin = SignedInStaff.admin(staff, passwords);
        admin.given().queryParam("status", "PUBLISHED").queryParam("status", "RESTORED").get("/api/v1/staff/outages")
                .then().statusCode(200).body("items", hasSize(3))
                .body("items.kind", containsInAnyOrder("PLANNED", "UNPLANNED", "UNPLANNED"))
                .body("items.status", containsInAnyOrder("PUBLISHED", "PUBLISHED", "RESTORED"))
                .body("items.affectedCustomers", everyItem(greaterThan(0)));
        given().queryParam("q", "T0000").get("/api/v1/outages").then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void shouldLetEveryDemoStaffMemberSignInWithTheDemoPassword() {
        for (String staffNo : new String[] { "S00001", "S00003" }) {
            given().contentType(ContentType.JSON)
                    .body("{\"staffNo\":\"" + staffNo + "\",\"password\":\"demo-password-for-tests\"}")
                    .post("/api/v1/staff/sessions").then().statusCode(201).body("staff.staffNo", equalTo(staffNo));
        }
    }
}
