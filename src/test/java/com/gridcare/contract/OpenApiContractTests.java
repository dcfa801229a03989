package com.gridcare.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;

import io.quarkus.test.junit.QuarkusTest;

/** The contract filter itself: it runs, and it would catch a response that drifted from the spec. */
@QuarkusTest
class OpenApiContractTests {

    private final OpenApiContract contract = OpenApiContract.instance();

    @Test
    void shouldValidateEveryResponseFromTheApplication() {
        long before = contract.validated();
        given().queryParam("q", "no-such-area").get("/api/v1/outages").then().statusCode(200);
        given().get("/api/v1/outages/0").then().statusCode(404);
        assertThat(contract.validated()).isEqualTo(before + 2);
    }

    @Test
    void shouldRejectAResponseThatDriftedFromTheSpec() {
        var request = SimpleRequest.Builder.get("/api/v1/outages/7").build();
        var drifted = SimpleResponse.Builder.status(200).withContentType("application/json")
                .withBody("{\"id\":\"seven\",\"areas\":{}}").build();
        var undeclared = SimpleResponse.Builder.status(418).withContentType("application/json").withBody("{}").build();
        var problemWithoutType = SimpleResponse.Builder.status(404).withContentType("application/problem+json")
                .withBody("{\"title\":\"Not Found\",\"status\":404}").build();

        assertThat(contract.violations(request, drifted)).isNotEmpty();
        assertThat(contract.violations(request, undeclared)).isNotEmpty();
        assertThat(contract.violations(request, problemWithoutType)).isNotEmpty();
    }

    @Test
    void shouldAcceptAResponseThatMatchesTheSpec() {
        var request = SimpleRequest.Builder.get("/api/v1/outages/7").build();
        var matching = SimpleResponse.Builder.status(200).withContentType("application/json")
                .withBody("{\"id\":7,\"kind\":\"PLANNED\",\"current\":false,\"areas\":[]}").build();
        assertThat(contract.violations(request, matching)).isEmpty();
    }
}
