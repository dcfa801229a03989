package com.gridcare.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTests {

    @Inject
    TestStaff staff;

    @Inject
    StaffPasswords passwords;

    private static final Path CHECKED_IN_SPEC = Path.of("api-spec", "openapi.yaml");

    @Test
    void shouldBeReadyOnlyWithPostgresAndRedis() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Redis connection health check"));
    }

    @Test
    void shouldServePrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void shouldServeExactlyTheCheckedInApiSpec() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path fresh = Path.of("target", "openapi-served.yaml");
        Files.writeString(fresh, served);
        assertThat(Files.readString(CHECKED_IN_SPEC))
                .as("api-spec/openapi.yaml differs from what the service serves; if the change is intended, "
                        + "copy target/openapi-served.yaml over it")
                .isEqualTo(served);
    }

    @Test
    void shouldAnswerUnknownPathsWithProblemJson() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:gridcare:problem:not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void shouldShowTheDatasetToAdministratorsOnly() {
        given().get("/api/v1/ops/dataset").then().statusCode(401);
        SignedInStaff.admin(staff, passwords).given().get("/api/v1/ops/dataset").then().statusCode(200)
                .body("estimatedRows.customer", notNullValue())
                .body("estimatedRows.bill", notNullValue())
                .body("steps", notNullValue());
    }
}
