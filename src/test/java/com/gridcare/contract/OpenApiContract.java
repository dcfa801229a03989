package com.gridcare.contract;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The contract test: a rest-assured filter that checks every exchange a test has with the application against
 * {@code api-spec/openapi.yaml} (which {@code PlatformEndpointsTests} keeps equal to the served spec), so the spec
 * cannot drift from what the service answers. {@link OpenApiContractCallback} installs it before every
 * {@code @QuarkusTest} method.
 * <ul>
 * <li>Responses are validated fully: status declared for the operation, content type, body schema.</li>
 * <li>Request findings count only when the application answered below 400. Tests send malformed JSON, bad account
 * numbers, no token and so on deliberately; a 4xx to those is right (and is itself validated as a response). A
 * request the spec calls invalid that the application accepted means one of them drifted.</li>
 * <li>Except a missing token: rest-assured adds {@code auth().oauth2(...)} after the filters, so the filter cannot
 * see it; a request that really had none is answered 401, which is validated.</li>
 * <li>Other servers are not ours to check (the fake SMS provider the tests read codes from), nor are the platform
 * endpoints under {@code /q/} (health, metrics, the spec itself), which the spec does not describe; nor is WeChat's
 * message portal, whose contract is Tencent's (signed query, XML), nor the staff console's HTML pages: both are kept
 * out of the spec on purpose.</li>
 * </ul>
 */
public final class OpenApiContract implements Filter {

    private static final String WECHAT_PORTAL = "/wechat/portal/";
    private static final String CONSOLE = "/console";

    static final Path SPEC = Path.of("api-spec", "openapi.yaml");

    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private final OpenApiInteractionValidator validator = OpenApiInteractionValidator
            .createForSpecificationUrl(SPEC.toUri().toString()).build();
    private final AtomicLong validated = new AtomicLong();

    private OpenApiContract() {
    }

    public static OpenApiContract instance() {
        return INSTANCE;
    }

    /** How many exchanges were validated so far in this JVM: proof that the filter runs at all. */
    public long validated() {
        return validated.get();
    }

    @Override
    public io.restassured.response.Response filter(FilterableRequestSpecification requestSpec,
            FilterableResponseSpecification responseSpec, FilterContext context) {
        io.restassured.response.Response response = context.next(requestSpec, responseSpec);
        URI uri = URI.create(requestSpec.getURI());
        if (uri.getPort() != RestAssured.port || uri.getPath().startsWith("/q/")
                || uri.getPath().startsWith(WECHAT_PORTAL) || uri.getPath().startsWith(CONSOLE)) {
            return response;
        }
        List<String> violations = violations(RestAssuredRequest.of(requestSpec), RestAssuredResponse.of(response));
        validated.incrementAndGet();
        if (!violations.isEmpty()) {
            throw new AssertionError("%s %s answered %d, which api-spec/openapi.yaml does not allow:%n  %s%n%s"
                    .formatted(requestSpec.getMethod(), uri.getPath(), response.statusCode(),
                            String.join("\n  ", violations), response.asString()));
        }
        return response;
    }

    /** The findings that break the contract, as applied by {@link #filter}. */
    public List<String> violations(Request request, Response response) {
        boolean refused = response.getStatus() >= 400;
        return validator.validate(request, response).getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !(refused && message.getKey().startsWith("validation.request")))
                .filter(message -> !message.getKey().equals("validation.request.security.missing"))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .collect(Collectors.toList());
    }
}
