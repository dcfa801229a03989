package com.gridcare.common;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.gridcare.consumption.NotSmartMeterException;
import com.gridcare.faq.TopicExistsException;

/** The one place where exceptions become problem JSON. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uri) {
        int status = exception.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        String detail = status == 404 ? "No such resource." : status < 500 ? exception.getMessage() : null;
        return respond(Problem.of(slug, title, status, detail, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, UriInfo uri) {
        List<Problem.Violation> violations = exception.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field)).toList();
        return respond(new Problem("urn:gridcare:problem:validation-failed", "Validation failed", 400,
                "The request has invalid fields.", uri.getPath(), violations));
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException exception, UriInfo uri) {
        return respond(Problem.of("invalid-request", "Bad Request", 400, exception.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response notSmartMeter(NotSmartMeterException exception, UriInfo uri) {
        return respond(Problem.of("not-smart-meter", "Conflict", 409, exception.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response topicExists(TopicExistsException exception, UriInfo uri) {
        return respond(Problem.of("topic-exists", "Conflict", 409, exception.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception, UriInfo uri) {
        return respond(Problem.of("malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON of the expected shape.", uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unhandled error, incident %s on %s", incident, uri.getPath());
        return respond(Problem.of("internal-error", "Internal Server Error", 500,
                "Something went wrong on our side; incident " + incident + ".", uri.getPath()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
