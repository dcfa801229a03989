package com.gridcare.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.gridcare.common.Page;
import com.gridcare.common.ProblemException;
import com.gridcare.common.TimeZoneConfig;
import com.gridcare.outage.EstimateUpdate;
import com.gridcare.outage.OutageDraft;
import com.gridcare.outage.OutageEdit;
import com.gridcare.outage.OutageStatus;
import com.gridcare.outage.RestoreRequest;
import com.gridcare.outage.StaffOutage;
import com.gridcare.outage.StaffOutageItem;
import com.gridcare.outage.StaffOutages;
import com.gridcare.staff.CurrentStaff;
import com.gridcare.staff.StaffConfig;
import com.gridcare.staff.StaffMember;
import com.gridcare.staff.StaffRole;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;

/**
 * The console's outage pages over {@code outage.StaffOutages}, with the staff API's reach: the list, a form for a new
 * outage (with the affected customers previewed before saving), and each outage's page with its scope, affected
 * customers, history and the moves its status allows. Every form carries the outage's version, so a page left open
 * while someone else changed the outage is refused (and says so) instead of overwriting their change.
 */
@Path("/console/outages")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
public class OutageConsoleResource {

    private static final String LIST = "/console/outages";

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance outages(StaffMember me, String csrf, List<StaffOutageItem> items,
                String nextCursor, boolean finished);

        static native TemplateInstance outageForm(StaffMember me, String csrf, OutageForm form);

        static native TemplateInstance outage(StaffMember me, String csrf, StaffOutage o, boolean current,
                String problem, String field);
    }

    private final StaffOutages outages;
    private final Validator validator;
    private final CurrentStaff current;
    private final StaffConfig config;
    private final ZoneId zone;
    private final Clock clock;

    public OutageConsoleResource(StaffOutages outages, Validator validator, CurrentStaff current, StaffConfig config,
            TimeZoneConfig timeZone, Clock clock) {
        this.outages = outages;
        this.validator = validator;
        this.current = current;
        this.config = config;
        this.zone = timeZone.timeZone();
        this.clock = clock;
    }

    /** The outages still needing work, or (with {@code finished}) the cancelled, dismissed and closed ones. */
    @GET
    public Uni<Response> list(@QueryParam("cursor") String cursor, @QueryParam("finished") boolean finished) {
        StaffMember me = current.member();
        List<OutageStatus> statuses = finished ? List.of(OutageStatus.CANCELLED, OutageStatus.DISMISSED,
                OutageStatus.CLOSED) : StaffOutages.OPEN;
        return outages.list(me, statuses, null, cursor, Page.MAX_LIMIT).map(page -> ConsolePages.page(
                Templates.outages(me, current.csrfToken(), page.items(), page.nextCursor(), finished), 200));
    }

    @GET
    @Path("new")
    public Response newOutage() {
        return ConsolePages.page(Templates.outageForm(current.member(), current.csrfToken(), OutageForm.blank()), 200);
    }

    /** Saves the form as a draft, or ({@code action=preview}) shows the customers its scope covers first. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@RestForm String csrf, @RestForm String action, @RestForm String kind,
            @RestForm String feeders, @RestForm String transformerAreas, @RestForm String startsAt,
            @RestForm String estimatedRestoreAt, @RestForm String cause, @RestForm String description,
            @RestForm String crewContact) {
        ConsolePages.checkCsrf(current, csrf);
        OutageForm form = new OutageForm(kind, feeders, transformerAreas, startsAt, estimatedRestoreAt, cause,
                description, crewContact, null, null, null);
        if ("preview".equals(action)) {
            return outages.preview(form.scope())
                    .map(preview -> formPage(form.previewed(preview.affectedCustomers()), 200))
                    .onFailure(ProblemException.class).recoverWithItem(failure -> refusedForm(form, failure));
        }
        OutageDraft draft;
        try {
            draft = form.draft(zone);
        } catch (OutageForm.Unreadable unreadable) {
            return Uni.createFrom().item(formPage(form.refused("invalid-form", unreadable.field), 400));
        }
        String invalid = validator.validate(draft).stream().map(OutageConsoleResource::field).sorted().findFirst()
                .orElse(null);
        if (invalid != null) {
            return Uni.createFrom().item(formPage(form.refused("invalid-form", invalid), 400));
        }
        return outages.create(current.member(), draft)
                .map(created -> Response.seeOther(URI.create(detail(created.id()))).build())
                .onFailure(ProblemException.class).recoverWithItem(failure -> refusedForm(form, failure));
    }

    @GET
    @Path("{id}")
    public Uni<Response> outage(@PathParam("id") long id, @QueryParam("problem") String problem,
            @QueryParam("field") String field) {
        StaffMember me = current.member();
        return outages.detail(me, id).map(o -> ConsolePages.page(Templates.outage(me, current.csrfToken(), o,
                !o.startsAt().toInstant().isAfter(clock.instant()), problem == null ? null : problem.replaceAll("[^a-z-]", ""),
                field == null ? null : field.replaceAll("[^A-Za-z]", "")), 200))
                .onFailure(ProblemException.class).recoverWithItem(() -> Response.seeOther(URI.create(LIST)).build());
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> publish(@PathParam("id") long id, @RestForm String csrf, @RestForm Integer version) {
        return step(id, csrf, version, v -> outages.publish(current.member(), id, v));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@PathParam("id") long id, @RestForm String csrf, @RestForm Integer version) {
        return step(id, csrf, version, v -> outages.cancel(current.member(), id, v));
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> close(@PathParam("id") long id, @RestForm String csrf, @RestForm Integer version) {
        return step(id, csrf, version, v -> outages.close(current.member(), id, v));
    }

    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> dismiss(@PathParam("id") long id, @RestForm String csrf, @RestForm Integer version) {
        return step(id, csrf, version, v -> outages.dismiss(current.member(), id, v));
    }

    /** Power back in the transformer areas typed (spaces or commas between codes), or everywhere when none are. */
    @POST
    @Path("{id}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> restore(@PathParam("id") long id, @RestForm String csrf, @RestForm Integer version,
            @RestForm String transformerAreas) {
        return step(id, csrf, version, v -> outages.restore(current.member(), id,
                new RestoreRequest(v, OutageForm.codes(transformerAreas))));
    }

    @POST
    @Path("{id}/estimate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> moveEstimate(@PathParam("id") long id, @RestForm String csrf, @RestForm Integer version,
            @RestForm String estimatedRestoreAt) {
        return step(id, csrf, version, v -> {
            OffsetDateTime estimate = OutageForm.time(estimatedRestoreAt, zone, "estimatedRestoreAt");
            if (estimate == null) {
                throw new OutageForm.Unreadable("estimatedRestoreAt");
            }
            return outages.moveEstimate(current.member(), id, new EstimateUpdate(v, estimate));
        });
    }

    /** Edits (fields left blank stay as they are), or confirms a suspected outage with them ({@code action=confirm}). */
    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> edit(@PathParam("id") long id, @RestForm String csrf, @RestForm Integer version,
            @RestForm String action, @RestForm String transformerAreas, @RestForm String estimatedRestoreAt,
            @RestForm String cause, @RestForm String description, @RestForm String crewContact) {
        return step(id, csrf, version, v -> {
            OutageEdit edit = new OutageEdit(v, null,
                    transformerAreas == null || transformerAreas.isBlank() ? null : OutageForm.codes(transformerAreas),
                    null, OutageForm.time(estimatedRestoreAt, zone, "estimatedRestoreAt"), blankToNull(cause),
                    blankToNull(description), blankToNull(crewContact));
            String invalid = validator.validate(edit).stream().map(OutageConsoleResource::field).sorted().findFirst()
                    .orElse(null);
            if (invalid != null) {
                throw new OutageForm.Unreadable(invalid);
            }
            return "confirm".equals(action) ? outages.confirm(current.member(), id, edit)
                    : outages.edit(current.member(), id, edit);
        });
    }

    /** Not signed in, or the token lapsed: to the sign-in page rather than problem JSON. */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response signInFirst() {
        return Response.seeOther(URI.create("/console/sign-in")).cookie(ConsolePages.cookie(config, "", 0)).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return Response.status(403).type(MediaType.TEXT_PLAIN).entity("Your role does not allow this.").build();
    }

    /**
     * A move on the outage's page: back to the page, naming a refusal by its type and field (never echoing input);
     * an outage beyond reach sends to the list.
     */
    private Uni<Response> step(long id, String csrf, Integer version, Function<Integer, Uni<StaffOutage>> move) {
        ConsolePages.checkCsrf(current, csrf);
        if (version == null) {
            return Uni.createFrom().item(back(id, "invalid-form", "version"));
        }
        return Uni.createFrom().deferred(() -> move.apply(version))
                .map(changed -> Response.seeOther(URI.create(detail(id))).build())
                .onFailure(OutageForm.Unreadable.class).recoverWithItem(failure -> back(id, "invalid-form",
                        ((OutageForm.Unreadable) failure).field))
                .onFailure(ProblemException.class).recoverWithItem(failure -> {
                    ProblemException problem = (ProblemException) failure;
                    return problem.status() == 404 ? Response.seeOther(URI.create(LIST)).build()
                            : back(id, problem.slug(), firstField(problem));
                });
    }

    private static Response back(long id, String slug, String field) {
        return Response.seeOther(URI.create(detail(id) + "?problem=" + slug
                + (field == null ? "" : "&field=" + URLEncoder.encode(field, StandardCharsets.UTF_8)))).build();
    }

    private Response refusedForm(OutageForm form, Throwable failure) {
        ProblemException problem = (ProblemException) failure;
        return formPage(form.refused(problem.slug(), firstField(problem)), problem.status());
    }

    private Response formPage(OutageForm form, int status) {
        return ConsolePages.page(Templates.outageForm(current.member(), current.csrfToken(), form), status);
    }

    private static String firstField(ProblemException problem) {
        return problem.violations() == null || problem.violations().isEmpty() ? null
                : problem.violations().get(0).field();
    }

    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }

    private static String detail(long id) {
        return LIST + "/" + id;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
