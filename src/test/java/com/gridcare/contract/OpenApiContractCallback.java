package com.gridcare.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link OpenApiContract} in front of every rest-assured request of every {@code @QuarkusTest}, without the
 * tests knowing (registered in META-INF/services). Quarkus runs the tests in its own class loader, with a rest-assured
 * of its own; a Quarkus callback is loaded there too, so it reaches the static configuration the tests really use.
 * The first test installs the filter; the others find it in place.
 */
public class OpenApiContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(OpenApiContract.instance())) {
            RestAssured.filters(OpenApiContract.instance());
        }
    }
}
