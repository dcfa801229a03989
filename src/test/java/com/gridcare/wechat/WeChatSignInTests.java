package com.gridcare.wechat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.gridcare.auth.AuthService;
import com.gridcare.auth.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** The resident side of WeChat web sign-in: an openid becomes a resident once and signs in as them ever after. */
@QuarkusTest
class WeChatSignInTests {

    private static final String UNION_ID = "u" + UUID.randomUUID();

    @Inject
    WeChatUsers users;

    @Inject
    AuthService auth;

    /** What WeChat sign-in does once the OAuth code has given the openid (and unionid, when there is one). */
    private Session signIn(String appid, String openid, String unionid) {
        Uni<Session> session = users.residentFor(appid, openid, unionid).chain(auth::sessionFor);
        return session.await().indefinitely();
    }

    @Test
    void shouldMakeOneResidentPerOpenidAndIssueAWorkingSession() {
        String openid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        Session first = signIn("wx-test-app", openid, null);
        Session again = signIn("wx-test-app", openid, UNION_ID);
        assertThat(again.resident().id()).isEqualTo(first.resident().id());
        assertThat(first.resident().mobile()).isNull();

        given().auth().oauth2(again.accessToken()).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo((int) first.resident().id()));
        String cityOpenid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        assertThat(signIn("wx-city-app", cityOpenid, UNION_ID).resident().id())
                .as("the same person (unionid) in the utility's other account").isEqualTo(first.resident().id());
        assertThat(signIn("wx-city-app", openid + "x", null).resident().id())
                .isNotEqualTo(first.resident().id());
    }
}
