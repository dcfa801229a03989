package com.gridcare.binding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.dataset.TestUtility;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Binding accounts by number and proof, the limits on it, and unbinding, through HTTP. */
@QuarkusTest
class BindingResourceTests {

    @Inject
    TestAccounts accounts;

    @Inject
    TestUtility utility;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void utility() throws SQLException {
        accounts.ensure();
    }

    @Test
    void shouldBindWithTheMobilesLastFourDigitsAndShowTheAccountMasked() throws SQLException {
        var account = accounts.random();
        var resident = SignedInResident.signIn();
        bind(resident, account.accountNo(), last4(account), "家").statusCode(201)
                .body("accountNo", equalTo(account.accountNo())).body("label", equalTo("家"))
                .body("holderName", endsWith("*")).body("address", endsWith("****"));
        String name = (String) utility.value("select name from customer where account_no = ?", account.accountNo());
        resident.given().get("/api/v1/me/accounts").then().statusCode(200).body("", hasSize(1))
                .body("[0].holderName", not(equalTo(name)));

        bind(resident, account.accountNo(), last4(account), "父母家").statusCode(201).body("label", equalTo("父母家"));
        resident.given().get("/api/v1/me/accounts").then().body("", hasSize(1));
        resident.given().get("/api/v1/me").then().body("boundAccounts", equalTo(1));
    }

    @Test
    void shouldRefuseAWrongProofExactlyAsAnUnknownAccountAndStopGuessingAfterFive() throws SQLException {
        var account = accounts.random();
        var resident = SignedInResident.signIn();
        String wrong = last4(account).equals("0000") ? "1111" : "0000";
        var wrongProof = bind(resident, account.accountNo(), wrong, null).statusCode(400).extract().asString();
        var unknown = bind(resident, TestAccounts.UNKNOWN_ACCOUNT_NO, wrong, null).statusCode(400).extract().asString();
        assertThat(unknown).isEqualTo(wrongProof.replace(account.accountNo(), TestAccounts.UNKNOWN_ACCOUNT_NO))
                .contains("urn:gridcare:problem:binding-refused");
        for (int attempt = 0; attempt < 3; attempt++) {
            bind(resident, account.accountNo(), wrong, null).statusCode(400);
        }
        bind(resident, account.accountNo(), last4(account), null).statusCode(429)
                .body("type", equalTo("urn:gridcare:problem:too-many-requests"));
        assertThat(utility.count("select count(*) from account_binding b join customer c on c.id = b.customer_id "
                + "where c.account_no = ?", account.accountNo())).isZero();
    }

    @Test
    void shouldBindAtMostFiveAccounts() throws SQLException {
        List<Object[]> six = utility.rows("select account_no, mobile from customer where mobile is not null and id < ? "
                + "order by random() limit 6", TestUtility.FIRST_TEST_ID);
        var resident = SignedInResident.signIn();
        for (Object[] row : six.subList(0, 5)) {
            resident.bind(new TestAccounts.Account((String) row[0], (String) row[1]));
        }
        var sixth = new TestAccounts.Account((String) six.get(5)[0], (String) six.get(5)[1]);
        bind(resident, sixth.accountNo(), last4(sixth), null).statusCode(409)
                .body("type", equalTo("urn:gridcare:problem:binding-limit"));
        resident.given().delete("/api/v1/me/accounts/" + six.get(0)[0]).then().statusCode(204);
        resident.bind(sixth);
        resident.given().get("/api/v1/me/accounts").then().body("", hasSize(5));
    }

    @Test
    void shouldBindWithACodeTextedToTheRegisteredMobile() throws SQLException {
        var account = accounts.random();
        var resident = SignedInResident.signIn();
        resident.given().post("/api/v1/me/accounts/" + account.accountNo() + "/proof-codes").then().statusCode(202);
        String code = SignedInResident.lastCodeSentTo(account.mobile());
        resident.given().contentType(ContentType.JSON)
                .body("{\"accountNo\":\"" + account.accountNo() + "\",\"smsCode\":\"" + code + "\"}")
                .post("/api/v1/me/accounts").then().statusCode(201);

        resident.given().post("/api/v1/me/accounts/" + TestAccounts.UNKNOWN_ACCOUNT_NO + "/proof-codes").then()
                .statusCode(202);
    }

    @Test
    void shouldUnbindAndThenRefuseTheAccountsData() throws SQLException {
        var account = accounts.random();
        var resident = SignedInResident.signIn().bind(account);
        resident.given().get("/api/v1/accounts/" + account.accountNo() + "/bills/latest").then().statusCode(200);
        resident.given().delete("/api/v1/me/accounts/" + account.accountNo()).then().statusCode(204);
        resident.given().get("/api/v1/accounts/" + account.accountNo() + "/bills/latest").then().statusCode(404);
        resident.given().delete("/api/v1/me/accounts/" + account.accountNo()).then().statusCode(404);
        assertThat(utility.count("select count(*) from account_binding b join customer c on c.id = b.customer_id "
                + "where c.account_no = ? and b.unbound_at is not null", account.accountNo())).isEqualTo(1);
    }

    @Test
    void shouldForgetAnAccessWhenAnotherInstanceAnnouncesTheUnbind() throws Exception {
        var account = accounts.random();
        var resident = SignedInResident.signIn().bind(account);
        String bills = "/api/v1/accounts/" + account.accountNo() + "/bills/latest";
        resident.given().get(bills).then().statusCode(200);
        long residentId = ((Number) utility.value("select resident_id from account_binding b join customer c "
                + "on c.id = b.customer_id where c.account_no = ? and b.unbound_at is null", account.accountNo()))
                .longValue();
        utility.execute("update account_binding set unbound_at = now() where resident_id = ?", residentId);
        resident.given().get(bills).then().statusCode(200);

        redis.pubsub(String.class).publish(AccountAccess.UNBOUND_CHANNEL, residentId + ":" + account.accountNo());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status;
        do {
            Thread.sleep(20);
            status = resident.given().get(bills).statusCode();
        } while (status == 200 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(404);
    }

    @Test
    void shouldRefuseMalformedBindRequests() throws SQLException {
        var account = accounts.random();
        var resident = SignedInResident.signIn();
        resident.given().contentType(ContentType.JSON).body("{\"accountNo\":\"" + account.accountNo() + "\"}")
                .post("/api/v1/me/accounts").then().statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:invalid-request"));
        resident.given().contentType(ContentType.JSON).body("{\"accountNo\":\"" + account.accountNo()
                + "\",\"mobileLast4\":\"1234\",\"smsCode\":\"123456\"}").post("/api/v1/me/accounts").then()
                .statusCode(400);
        bind(resident, "<script>alert(1)</script>", "1234", null).statusCode(400)
                .body("type", equalTo("urn:gridcare:problem:validation-failed"));
        bind(resident, account.accountNo(), "12a4", null).statusCode(400);
        bind(resident, account.accountNo(), last4(account), "x".repeat(33)).statusCode(400);
        resident.given().contentType(ContentType.JSON).body("[1,2]").post("/api/v1/me/accounts").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/me/accounts").then().statusCode(401);
        resident.given().get("/api/v1/me/accounts").then().body("", hasSize(0));
    }

    private static ValidatableResponse bind(SignedInResident resident, String accountNo, String last4, String label) {
        String labelField = label == null ? "" : ",\"label\":\"" + label + "\"";
        return resident.given().contentType(ContentType.JSON)
                .body("{\"accountNo\":\"" + accountNo + "\",\"mobileLast4\":\"" + last4 + "\"" + labelField + "}")
                .post("/api/v1/me/accounts").then();
    }

    private static String last4(TestAccounts.Account account) {
        return account.mobile().substring(account.mobile().length() - 4);
    }
}
