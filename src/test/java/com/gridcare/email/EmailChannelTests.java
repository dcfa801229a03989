package com.gridcare.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.dataset.TestUtility;
import com.gridcare.notify.ChannelFixture;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** E-mail through quarkus-mailer's mock mailbox: the address the resident set, and the inbox when there is none. */
@QuarkusTest
class EmailChannelTests {

    @Inject
    ChannelFixture fixture;

    @Inject
    TestUtility utility;

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    @AfterEach
    void clean() throws Exception {
        utility.removeTestRows();
        mailbox.clear();
    }

    @Test
    void shouldMailResidentsWhoSetAnAddressAndPreferEmail() throws Exception {
        SignedInResident resident = SignedInResident.signIn();
        String address = "li.lei." + System.nanoTime() + "@example.com";
        resident.given().get("/api/v1/me/contact-email").then().statusCode(404);
        resident.given().contentType(ContentType.JSON).body("{\"email\":\"" + address + "\"}")
                .put("/api/v1/me/contact-email").then().statusCode(200).body("email", equalTo(address));
        resident.given().get("/api/v1/me/contact-email").then().statusCode(200).body("email", equalTo(address));
        resident.given().contentType(ContentType.JSON).body("{\"enabled\":true,\"preferredChannel\":\"EMAIL\"}")
                .put("/api/v1/me/preferences/BILL_REMINDER").then().statusCode(200)
                .body("preferredChannel", equalTo("EMAIL"));
        long residentId = fixture.resident(resident.mobile());
        String key = fixture.remind(residentId, fixture.customer(null), null);

        assertThat(fixture.dispatch()).isEqualTo(1);

        List<Mail> mails = mailbox.getMailsSentTo(address);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("电费缴费提醒");
        assertThat(mails.get(0).getText()).contains("128.50");
        assertThat(mails.get(0).getHeaders().get(EmailChannel.NOTICE_HEADER)).containsExactly(key);
        assertThat(fixture.row(key)).startsWith("SENT", "EMAIL");
        assertThat(fixture.outcomes(key)).containsExactly("EMAIL DELIVERED");

        resident.given().delete("/api/v1/me/contact-email").then().statusCode(204);
        resident.given().get("/api/v1/me/contact-email").then().statusCode(404);
        utility.execute("delete from contact_preference where resident_id = ?", residentId);
    }

    @Test
    void shouldRefuseAnAddressThatIsNoneAndKeepTheOldOne() {
        SignedInResident resident = SignedInResident.signIn();
        resident.given().contentType(ContentType.JSON).body("{\"email\":\"kept@example.com\"}")
                .put("/api/v1/me/contact-email").then().statusCode(200);
        for (String bad : List.of("{\"email\":\"not an address\"}", "{\"email\":\"\"}", "{}",
                "{\"email\":\"" + "a".repeat(250) + "@example.com\"}")) {
            resident.given().contentType(ContentType.JSON).body(bad).put("/api/v1/me/contact-email").then()
                    .statusCode(400);
        }
        resident.given().get("/api/v1/me/contact-email").then().statusCode(200)
                .body("email", equalTo("kept@example.com"));
    }

    @Test
    void shouldFallBackToTheInboxWhenEmailIsChosenButThereIsNoAddress() throws Exception {
        long residentId = fixture.resident(SignedInResident.newMobile());
        String key = fixture.remind(residentId, fixture.customer(null), "EMAIL");

        assertThat(fixture.dispatch()).isEqualTo(1);

        assertThat(mailbox.getTotalMessagesSent()).isZero();
        assertThat(fixture.row(key)).startsWith("SENT", "APP_PUSH", "email: no address");
        assertThat(fixture.outcomes(key)).as("nothing says the inbox reached anyone yet")
                .containsExactly("EMAIL FAILED");
    }
}
