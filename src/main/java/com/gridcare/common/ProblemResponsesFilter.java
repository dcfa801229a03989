package com.gridcare.common;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents in the served spec the problem responses ({@link Problem}, RFC 7807) that {@link ProblemMappers} can give
 * for each operation, so clients (and the contract test) know the error shapes without an annotation on every method.
 * A response declared with {@code @APIResponse} keeps its description and only gains the problem body it really has.
 * Also documents 304 on reads: {@link EntityTags} answers a matching {@code If-None-Match} with it.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(path, item, method, operation)));
    }

    private static void document(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (method == PathItem.HttpMethod.GET) {
            notModified(responses);
        }
        boolean hasInput = operation.getRequestBody() != null || notEmpty(operation.getParameters())
                || notEmpty(item.getParameters());
        if (hasInput) {
            problem(responses, "400", "Malformed JSON, or invalid fields or parameters");
        }
        if (notEmpty(operation.getSecurity())) {
            problem(responses, "401", "Missing, expired or invalid bearer token");
            problem(responses, "403", "The token's role does not allow this");
        }
        if (path.contains("{")) {
            problem(responses, "404", "No such resource, or an account that is not bound to me");
        }
        // Every write goes through a Redis rate limit or token store.
        if (method != PathItem.HttpMethod.GET) {
            problem(responses, "429", "A rate limit was reached");
        }
        // Every operation reads PostgreSQL or Redis.
        problem(responses, "503", "A server we depend on did not answer; nothing was changed");
        problem(responses, "500", "Something went wrong on our side; the detail names an incident");
        // Failures declared with @APIResponse are problem JSON too.
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                problem(responses, code, response.getDescription());
            }
        });
    }

    private static void notModified(APIResponses responses) {
        if (!responses.hasAPIResponse("304")) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse().description(
                    "Not Modified: If-None-Match names the current ETag (given on responses with Cache-Control)"));
        }
    }

    private static void problem(APIResponses responses, String code, String description) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            response.content(problemContent());
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /** The shape of {@link Problem}, in its field order. */
    private static Schema problemSchema() {
        Schema violation = object().addProperty("field", string()).addProperty("message", string());
        return object().description("RFC 7807 problem details")
                .addProperty("type", string().description("Stable, e.g. urn:gridcare:problem:not-found"))
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string())
                .addProperty("instance", string())
                .addProperty("violations", OASFactory.createSchema().addType(SchemaType.ARRAY).items(violation))
                .required(List.of("type", "title", "status"));
    }

    private static Schema object() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
