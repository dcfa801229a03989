package com.gridcare.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link OpenApiContract} in front of every rest-assured request of every {@code @QuarkusTest}, without the
 * tests knowing (registered in META-INF/services). Before each test, because the tests run in Quarkus' class loader
 * and rest-assured's static configuration is only the one tests use from there on.
 */
public class OpenApiContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(OpenApiContract.instance())) {
            RestAssured.filters(OpenApiContract.instance());
        }
    }
}
