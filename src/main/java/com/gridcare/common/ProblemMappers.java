package com.gridcare.common;

import java.net.SocketException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.sqlclient.ClosedConnectionException;

/** The one place where exceptions become problem JSON. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int RETRY_AFTER_SECONDS = 30;

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uri) {
        if (exception.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
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
    public Response problem(ProblemException exception, UriInfo uri) {
        Response response = Response.status(exception.status()).type(Problem.MEDIA_TYPE)
                .entity(exception.body(uri.getPath())).build();
        // every 503 is a server we depend on not answering: worth the same request again shortly
        return exception.status() != 503 ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /** Missing, expired, forged or foreign-key tokens alike: the detail does not say which. */
    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException exception, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of("unauthorized", "Unauthorized", 401,
                "Sign in first: this needs a valid bearer token.", uri.getPath())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this.", uri.getPath()));
    }

    /** Named apart from its superclass too: Quarkus' built-in mapper for it would win and answer without a problem. */
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadableJson(JsonProcessingException exception, UriInfo uri) {
        return respond(Problem.of("malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON of the expected shape.", uri.getPath()));
    }

    /** Declared for the exact type so that it wins over Quarkus's own mapper, which answers in a shape of its own. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException exception, UriInfo uri) {
        String field = exception.getPath().stream().map(reference -> reference.getFieldName() != null
                ? reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
        String detail = field.isEmpty() ? "The request body does not have the expected shape."
                : "The field " + field + " does not have the expected type.";
        return respond(Problem.of("malformed-json", "Malformed JSON", 400, detail, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception, UriInfo uri) {
        if (serverUnreachable(exception)) {
            LOG.warnf("A server we depend on did not answer on %s: %s", uri.getPath(), exception);
            return problem(ProblemException.unavailable("Please try again in a minute."), uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unhandled error, incident %s on %s", incident, uri.getPath());
        return respond(Problem.of("internal-error", "Internal Server Error", 500,
                "Something went wrong on our side; incident " + incident + ".", uri.getPath()));
    }

    /**
     * PostgreSQL or Redis refused the connection, dropped it or did not answer in time (the pool's wait included):
     * the request changed nothing, and the same request is worth retrying.
     */
    private static boolean serverUnreachable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketException || cause instanceof ClosedConnectionException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
