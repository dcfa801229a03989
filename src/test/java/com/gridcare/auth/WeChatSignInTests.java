package com.gridcare.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The resident side of WeChat web sign-in: an openid becomes a resident once and signs in as them ever after. */
@QuarkusTest
class WeChatSignInTests {

    private static final String UNION_ID = "u" + UUID.randomUUID();

    @Inject
    AuthService auth;

    @Test
    void shouldMakeOneResidentPerOpenidAndIssueAWorkingSession() {
        String openid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        Session first = auth.signInWithWeChat("wx-test-app", openid, null).await().indefinitely();
        Session again = auth.signInWithWeChat("wx-test-app", openid, UNION_ID).await().indefinitely();
        assertThat(again.resident().id()).isEqualTo(first.resident().id());
        assertThat(first.resident().mobile()).isNull();

        given().auth().oauth2(again.accessToken()).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo((int) first.resident().id()));
        String cityOpenid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        assertThat(auth.signInWithWeChat("wx-city-app", cityOpenid, UNION_ID).await().indefinitely().resident().id())
                .as("the same person (unionid) in the utility's other account").isEqualTo(first.resident().id());
        assertThat(auth.signInWithWeChat("wx-city-app", openid + "x", null).await().indefinitely().resident().id())
                .isNotEqualTo(first.resident().id());
    }
}
