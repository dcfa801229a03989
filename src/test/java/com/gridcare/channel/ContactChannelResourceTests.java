package com.gridcare.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.math.BigDecimal;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.dataset.TestUtility;
import com.gridcare.notify.ChannelFixture;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Channel costs: every staff member reads them, only an administrator changes them, audited; bad input changes nothing. */
@QuarkusTest
class ContactChannelResourceTests {

    @Inject
    TestStaff staff;

    @Inject
    StaffPasswords passwords;

    @Inject
    TestUtility utility;

    @Inject
    ChannelFixture fixture;

    @BeforeEach
    void utility() throws Exception {
        utility.ensureGenerated();
    }

    @AfterEach
    void restore() throws Exception {
        utility.removeTestRows();
        utility.execute("update contact_channel set unit_cost = 0.045, enabled = true where code = 'SMS'");
    }

    @Test
    void shouldShowEveryStaffMemberTheCostsAndLetOnlyAnAdministratorChangeThem() throws Exception {
        SignedInStaff agent = SignedInStaff.signIn(passwords,
                staff.ensure((int) TestUtility.FIRST_TEST_ID + 70, "AGENT", 1, false));
        SignedInStaff admin = SignedInStaff.admin(staff, passwords);

        agent.given().get("/api/v1/staff/contact-channels").then().statusCode(200)
                .body("code", hasItems("WECHAT_TEMPLATE", "APP_PUSH", "SMS", "EMAIL", "VOICE_CALL", "AGENT_CALL",
                        "STAFF_VISIT"))
                .body("find { it.code == 'STAFF_VISIT' }.unitCost", equalTo(35.0f));
        agent.given().contentType(ContentType.JSON).body("{\"unitCost\":0.05,\"enabled\":true}")
                .put("/api/v1/staff/contact-channels/SMS").then().statusCode(403);

        for (String bad : new String[] { "{\"unitCost\":-0.01,\"enabled\":true}",
                "{\"unitCost\":\"cheap\",\"enabled\":true}", "{\"unitCost\":0.0001,\"enabled\":true}",
                "{\"unitCost\":100000,\"enabled\":true}", "{\"enabled\":true}", "{\"unitCost\":0.05}" }) {
            admin.given().contentType(ContentType.JSON).body(bad).put("/api/v1/staff/contact-channels/SMS").then()
                    .statusCode(400);
        }
        admin.given().contentType(ContentType.JSON).body("{\"unitCost\":0.05,\"enabled\":true}")
                .put("/api/v1/staff/contact-channels/NO_SUCH").then().statusCode(404);
        admin.given().contentType(ContentType.JSON).body("{\"unitCost\":0,\"enabled\":false}")
                .put("/api/v1/staff/contact-channels/APP_PUSH").then().statusCode(409);
        assertThat(utility.decimal("select unit_cost from contact_channel where code = 'SMS'"))
                .isEqualByComparingTo("0.045");

        long audited = audited(admin);
        admin.given().contentType(ContentType.JSON).body("{\"unitCost\":0.038,\"enabled\":true}")
                .put("/api/v1/staff/contact-channels/SMS").then().statusCode(200)
                .body("code", equalTo("SMS")).body("unitCost", equalTo(0.038f)).body("enabled", equalTo(true));
        assertThat(utility.decimal("select unit_cost from contact_channel where code = 'SMS'"))
                .isEqualByComparingTo(new BigDecimal("0.038"));
        assertThat(audited(admin)).isEqualTo(audited + 1);
    }

    private long audited(SignedInStaff admin) throws Exception {
        return utility.count("select count(*) from staff_audit_log where action = 'UPDATE_CONTACT_CHANNEL' "
                + "and subject = 'contact-channel:SMS' and staff_no = ?", admin.staffNo());
    }

    @Test
    void shouldNotSendOnAChannelAnAdministratorSwitchedOff() throws Exception {
        SignedInStaff admin = SignedInStaff.admin(staff, passwords);
        admin.given().contentType(ContentType.JSON).body("{\"unitCost\":0.045,\"enabled\":false}")
                .put("/api/v1/staff/contact-channels/SMS").then().statusCode(200).body("enabled", equalTo(false));

        String key = fixture.remind(fixture.resident(SignedInResident.newMobile()), null, "SMS");

        assertThat(fixture.row(key)).startsWith("PENDING", "APP_PUSH");
    }
}
