package com.gridcare.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.binding.TestAccounts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** PostgreSQL going away under a running instance: requests get a clear 503, nothing half-done, and it recovers. */
@QuarkusTest
@TestProfile(DatabaseOutageTests.DatabaseBehindALink.class)
class DatabaseOutageTests {

    public static class DatabaseBehindALink implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseBehindSeverableLink.class));
        }
    }

    SeverableLink link;

    @Inject
    TestAccounts accounts;

    @Inject
    DataSource direct;

    @Test
    void shouldAnswer503WithoutChangingAnythingWhileTheDatabaseIsUnreachableAndRecoverAfter() throws SQLException {
        accounts.ensure();
        TestAccounts.Account account = accounts.random();
        SignedInResident resident = SignedInResident.signIn().bind(account);
        String monthly = "/api/v1/accounts/" + account.accountNo() + "/consumption/monthly";
        resident.given().get(monthly).then().statusCode(200);
        long ticketsBefore = repairTickets(account.accountNo());

        link.cut();
        try {
            resident.given().get(monthly).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "30")
                    .body("type", equalTo("urn:gridcare:problem:temporarily-unavailable"));
            resident.given().contentType(ContentType.JSON)
                    .body("{\"description\":\"停电了\",\"contactPhone\":\"13800138000\"}")
                    .post("/api/v1/accounts/" + account.accountNo() + "/repairs").then().statusCode(503)
                    .body("type", equalTo("urn:gridcare:problem:temporarily-unavailable"));
        } finally {
            link.mend();
        }

        resident.given().get(monthly).then().statusCode(200);
        assertThat(repairTickets(account.accountNo())).isEqualTo(ticketsBefore);
    }

    private long repairTickets(String accountNo) throws SQLException {
        try (Connection connection = direct.getConnection();
                var query = connection.prepareStatement("select count(*) from repair_ticket t "
                        + "join customer c on c.id = t.customer_id where c.account_no = ?")) {
            query.setString(1, accountNo);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
