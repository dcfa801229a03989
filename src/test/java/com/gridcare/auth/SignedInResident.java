package com.gridcare.auth;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.ConfigProvider;

import com.gridcare.binding.TestAccounts;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A resident signed in the way the app does it: ask for a code, read it off the (fake) provider's last message to
 * the phone, exchange it for a session. Each comes from an address of their own, as residents do, so the per-address
 * limit only bites where a test means it to.
 */
public final class SignedInResident {

    private static final AtomicLong NEXT_MOBILE = new AtomicLong(
            13_900_000_000L + ThreadLocalRandom.current().nextLong(90_000_000L));

    private final String mobile;
    private final String address;
    private final JsonPath session;

    private SignedInResident(String mobile, String address, JsonPath session) {
        this.mobile = mobile;
        this.address = address;
        this.session = session;
    }

    public static SignedInResident signIn() {
        return signIn(newMobile());
    }

    public static SignedInResident signIn(String mobile) {
        String address = newAddress();
        RestAssured.given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body("{\"mobile\":\"" + mobile + "\"}").post("/api/v1/auth/sms-codes").then().statusCode(202);
        JsonPath session = RestAssured.given().contentType(ContentType.JSON)
                .body("{\"mobile\":\"" + mobile + "\",\"code\":\"" + lastCodeSentTo(mobile) + "\"}")
                .post("/api/v1/auth/sessions").then().statusCode(201).extract().jsonPath();
        return new SignedInResident(mobile, address, session);
    }

    /** The code in the last SMS the provider took for {@code mobile}. */
    public static String lastCodeSentTo(String mobile) {
        String provider = ConfigProvider.getConfig().getValue("gridcare.sms.base-url", String.class);
        return RestAssured.given().get(provider + "/messages/" + mobile).then().statusCode(200).extract().jsonPath().getString("parameters.code");
    }

    public static String newMobile() {
        return String.valueOf(NEXT_MOBILE.incrementAndGet());
    }

    public static String newAddress() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A request as this resident: bearer token and their address. */
    public RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + accessToken())
                .header("X-Forwarded-For", address);
    }

    /** Binds the account with the registered mobile's last four digits. */
    public SignedInResident bind(TestAccounts.Account account) {
        given().contentType(ContentType.JSON)
                .body("{\"accountNo\":\"" + account.accountNo() + "\",\"mobileLast4\":\""
                        + account.mobile().substring(account.mobile().length() - 4) + "\"}")
                .post("/api/v1/me/accounts").then().statusCode(201);
        return this;
    }

    public String mobile() {
        return mobile;
    }

    public String accessToken() {
        return session.getString("accessToken");
    }

    public String refreshToken() {
        return session.getString("refreshToken");
    }

    /** The session the sign-in answered with. */
    public JsonPath session() {
        return session;
    }
}
