package com.gridcare.console;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.gridcare.common.Page;
import com.gridcare.common.ProblemException;
import com.gridcare.escalation.CustomerContext;
import com.gridcare.escalation.CustomerContextService;
import com.gridcare.escalation.EscalationStatus;
import com.gridcare.escalation.ReplyRequest;
import com.gridcare.escalation.StaffEscalation;
import com.gridcare.escalation.StaffEscalations;
import com.gridcare.faq.AskRequest;
import com.gridcare.faq.FaqEntry;
import com.gridcare.faq.KnowledgeBaseService;
import com.gridcare.faq.NewFaqEntry;
import com.gridcare.faq.TopicExistsException;
import com.gridcare.faq.UnansweredLog;
import com.gridcare.faq.UnansweredQuestion;
import com.gridcare.fieldtask.CloseTaskRequest;
import com.gridcare.fieldtask.FieldTask;
import com.gridcare.fieldtask.FieldTasks;
import com.gridcare.reminder.CustomerReminderProfile;
import com.gridcare.reminder.ReminderViews;
import com.gridcare.repair.RepairStatus;
import com.gridcare.repair.RepairStepRequest;
import com.gridcare.repair.StaffRepairTicket;
import com.gridcare.repair.StaffRepairs;
import com.gridcare.fieldtask.TaskOutcome;
import com.gridcare.fieldtask.TaskStatus;
import com.gridcare.staff.CurrentStaff;
import com.gridcare.staff.StaffConfig;
import com.gridcare.staff.StaffMember;
import com.gridcare.staff.StaffRole;
import com.gridcare.staff.StaffSignIn;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The staff console: server-rendered pages over the same services as the staff API. The staff token lives in an
 * HttpOnly, SameSite=Strict cookie, so other sites can neither read it nor make the browser send it; on top of that
 * every form carries the token's own {@code csrf} value, which a page elsewhere cannot know. Qute escapes everything
 * it prints (residents' questions may contain HTML), and the pages forbid inline scripts and framing. Kept out of the
 * OpenAPI document (mp.openapi.scan.exclude.packages).
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    private static final String QUEUE = "/console/queue";
    private static final String TASKS = "/console/tasks";
    private static final String REPAIRS = "/console/repairs";

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance signIn(String staffNo, String problem);

        static native TemplateInstance queue(StaffMember me, String csrf, List<StaffEscalation> items, String nextCursor,
                boolean resolved);

        static native TemplateInstance escalation(StaffMember me, String csrf, StaffEscalation e,
                CustomerContext customer, String problem);

        static native TemplateInstance unanswered(StaffMember me, String csrf, List<UnansweredQuestion> questions,
                FaqEntryForm form, FaqEntry created);

        static native TemplateInstance customer(StaffMember me, String csrf, CustomerReminderProfile profile);

        static native TemplateInstance tasks(StaffMember me, String csrf, List<FieldTask> items, String nextCursor,
                boolean closed, List<TaskOutcome> outcomes, String problem);

        static native TemplateInstance repairs(StaffMember me, String csrf, List<StaffRepairTicket> items,
                String nextCursor, RepairStatus status, List<RepairStatus> statuses);

        static native TemplateInstance repair(StaffMember me, String csrf, StaffRepairTicket t, String problem);
    }

    /** Unanswered questions listed, most frequent first: more than a shift works through. */
    static final int UNANSWERED_SHOWN = 100;

    private final StaffSignIn signIn;
    private final StaffEscalations escalations;
    private final FieldTasks tasks;
    private final StaffRepairs repairs;
    private final ReminderViews reminders;
    private final CustomerContextService customers;
    private final UnansweredLog unanswered;
    private final KnowledgeBaseService knowledgeBase;
    private final Validator validator;
    private final CurrentStaff current;
    private final StaffConfig config;

    public ConsoleResource(StaffSignIn signIn, StaffEscalations escalations, FieldTasks tasks, StaffRepairs repairs,
            ReminderViews reminders, CustomerContextService customers, UnansweredLog unanswered, KnowledgeBaseService knowledgeBase,
            Validator validator, CurrentStaff current, StaffConfig config) {
        this.signIn = signIn;
        this.escalations = escalations;
        this.tasks = tasks;
        this.repairs = repairs;
        this.reminders = reminders;
        this.customers = customers;
        this.unanswered = unanswered;
        this.knowledgeBase = knowledgeBase;
        this.validator = validator;
        this.current = current;
        this.config = config;
    }

    @GET
    @PermitAll
    public Response home() {
        return Response.seeOther(URI.create(QUEUE)).build();
    }

    @GET
    @Path("sign-in")
    @PermitAll
    public Response signInPage() {
        return page(Templates.signIn("", null), 200);
    }

    @POST
    @Path("sign-in")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signIn(@RestForm String staffNo, @RestForm String password, HttpServerRequest http) {
        String number = staffNo == null ? "" : staffNo.strip().toUpperCase();
        if (!number.matches("^[0-9A-Z]{1,16}$") || password == null || password.isEmpty() || password.length() > 72) {
            return Uni.createFrom().item(page(Templates.signIn(number, "invalid-credentials"), 401));
        }
        return signIn.signIn(number, password, http.remoteAddress().hostAddress())
                .map(session -> Response.seeOther(URI.create(QUEUE)).cookie(cookie(session.accessToken(),
                        (int) session.expiresIn())).build())
                .onFailure(ProblemException.class).recoverWithItem(failure -> {
                    ProblemException problem = (ProblemException) failure;
                    return page(Templates.signIn(number, problem.slug()), problem.status());
                });
    }

    @POST
    @Path("sign-out")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@RestForm String csrf) {
        checkCsrf(csrf);
        return Response.seeOther(URI.create("/console/sign-in")).cookie(cookie("", 0)).build();
    }

    @GET
    @Path("queue")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    public Uni<Response> queue(@QueryParam("cursor") String cursor, @QueryParam("resolved") boolean resolved) {
        StaffMember me = current.member();
        List<EscalationStatus> statuses = resolved ? List.of(EscalationStatus.RESOLVED)
                : List.of(EscalationStatus.NEW, EscalationStatus.REOPENED, EscalationStatus.CLAIMED,
                        EscalationStatus.REPLIED);
        return escalations.queue(me, statuses, cursor, Page.MAX_LIMIT)
                .map(page -> page(Templates.queue(me, current.csrfToken(), page.items(), page.nextCursor(), resolved),
                        200));
    }

    @GET
    @Path("escalations/{id}")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    public Uni<Response> escalation(@PathParam("id") long id, @QueryParam("problem") String problem) {
        StaffMember me = current.member();
        return escalations.detail(me, id).chain(e -> customers.context(me, id)
                .map(customer -> page(Templates.escalation(me, current.csrfToken(), e, customer,
                        problem == null ? null : problem.replaceAll("[^a-z-]", "")), 200)));
    }

    @POST
    @Path("escalations/{id}/claim")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> claim(@PathParam("id") long id, @RestForm String csrf) {
        checkCsrf(csrf);
        return back(id, escalations.claim(current.member(), id));
    }

    @POST
    @Path("escalations/{id}/reply")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reply(@PathParam("id") long id, @RestForm String csrf, @RestForm String text) {
        checkCsrf(csrf);
        if (text == null || text.isBlank() || text.length() > ReplyRequest.MAX_TEXT) {
            return Uni.createFrom().item(Response.seeOther(URI.create(detail(id) + "?problem=invalid-reply")).build());
        }
        return back(id, escalations.reply(current.member(), id, text));
    }

    @POST
    @Path("escalations/{id}/resolve")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> resolve(@PathParam("id") long id, @RestForm String csrf) {
        checkCsrf(csrf);
        return back(id, escalations.resolve(current.member(), id));
    }

    /**
     * The questions the bot could not answer and the form that turns one into a topic: {@code question} (a
     * normalised question of the list) prefills it, {@code created} names the topic just made. Staff roles as for
     * the knowledge base's API (faq.FaqAdminResource): any staff member may add a topic.
     */
    @GET
    @Path("unanswered")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    public Uni<Response> unanswered(@QueryParam("question") String question, @QueryParam("created") String created) {
        Uni<FaqEntryForm> form = question == null || question.isBlank() ? Uni.createFrom().item(FaqEntryForm.blank())
                : unanswered.question(question).map(found -> found == null ? FaqEntryForm.blank()
                        : FaqEntryForm.answering(found));
        Uni<FaqEntry> made = created == null ? Uni.createFrom().nullItem()
                : knowledgeBase.history(created).map(versions -> versions.isEmpty() ? null
                        : versions.get(versions.size() - 1));
        return form.chain(prefilled -> made.chain(entry -> unansweredPage(prefilled, entry, 200)));
    }

    @POST
    @Path("unanswered/entries")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createEntry(@RestForm String csrf, @RestForm String question, @RestForm String topicId,
            @RestForm String title, @RestForm String phrasings, @RestForm String answer) {
        checkCsrf(csrf);
        boolean answerable = question != null && !question.isBlank() && question.length() <= AskRequest.MAX_QUESTION;
        String answering = answerable ? question : null;
        FaqEntryForm form = new FaqEntryForm(answering, topicId, title, phrasings, answer, Set.of());
        NewFaqEntry entry = form.entry();
        Set<String> invalid = validator.validate(entry).stream()
                .map(violation -> violation.getPropertyPath().iterator().next().getName()).collect(Collectors.toSet());
        if (!invalid.isEmpty()) {
            return unansweredPage(form.refused(invalid), null, 400);
        }
        Uni<FaqEntry> created = answering == null ? knowledgeBase.create(entry)
                : knowledgeBase.create(entry, answering);
        // the topic id matched its pattern (letters, digits, dots, dashes): safe in the address as it is
        return created.map(made -> Response.seeOther(URI.create("/console/unanswered?created=" + made.topicId()))
                .build())
                .onFailure(TopicExistsException.class).recoverWithUni(() -> unansweredPage(
                        form.refused(Set.of(FaqEntryForm.TOPIC_TAKEN)), null, 409));
    }

    /**
     * A customer as the reminders see them: risk, what the recommender learned, every recent reminder and why its
     * channel was chosen (the staff API's profile).
     */
    @GET
    @Path("customers/{accountNo}")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    public Uni<Response> customer(@PathParam("accountNo") @Pattern(regexp = "[0-9A-Za-z]{1,16}") String accountNo) {
        StaffMember me = current.member();
        return reminders.profile(accountNo)
                .map(profile -> page(Templates.customer(me, current.csrfToken(), profile), 200));
    }

    /** Calls and visits to make (or made, with {@code closed}), as the staff API lists them. */
    @GET
    @Path("tasks")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    public Uni<Response> tasks(@QueryParam("cursor") String cursor, @QueryParam("closed") boolean closed,
            @QueryParam("problem") String problem) {
        StaffMember me = current.member();
        return tasks.queue(me, closed ? TaskStatus.CLOSED : TaskStatus.OPEN, cursor, Page.MAX_LIMIT)
                .map(page -> page(Templates.tasks(me, current.csrfToken(), page.items(), page.nextCursor(), closed,
                        List.of(TaskOutcome.values()), problem == null ? null : problem.replaceAll("[^a-z-]", "")),
                        200));
    }

    @POST
    @Path("tasks/{id}/close")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> closeTask(@PathParam("id") long id, @RestForm String csrf, @RestForm String outcome,
            @RestForm String note) {
        checkCsrf(csrf);
        TaskOutcome recorded = outcome == null ? null : Arrays.stream(TaskOutcome.values())
                .filter(value -> value.name().equals(outcome)).findFirst().orElse(null);
        if (recorded == null || (note != null && note.length() > CloseTaskRequest.MAX_NOTE)) {
            return Uni.createFrom().item(Response.seeOther(URI.create(TASKS + "?problem=invalid-outcome")).build());
        }
        return tasks.close(current.member(), id, new CloseTaskRequest(recorded, note))
                .map(closed -> Response.seeOther(URI.create(TASKS)).build())
                .onFailure(ProblemException.class).recoverWithItem(failure -> Response.seeOther(
                        URI.create(TASKS + "?problem=" + ((ProblemException) failure).slug())).build());
    }

    /** Repair tickets to work (every open one, or those in {@code status}), as the staff API lists them. */
    @GET
    @Path("repairs")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    public Uni<Response> repairs(@QueryParam("cursor") String cursor, @QueryParam("status") RepairStatus status) {
        StaffMember me = current.member();
        List<RepairStatus> statuses = status == null ? List.copyOf(RepairStatus.OPEN) : List.of(status);
        return repairs.queue(me, statuses, cursor, Page.MAX_LIMIT)
                .map(page -> page(Templates.repairs(me, current.csrfToken(), page.items(), page.nextCursor(), status,
                        List.of(RepairStatus.values())), 200));
    }

    @GET
    @Path("repairs/{ticketNo}")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    public Uni<Response> repair(@PathParam("ticketNo") @Pattern(regexp = "R[0-9]{16}") String ticketNo,
            @QueryParam("problem") String problem) {
        StaffMember me = current.member();
        return repairs.ticket(me, ticketNo).map(ticket -> page(Templates.repair(me, current.csrfToken(), ticket,
                problem == null ? null : problem.replaceAll("[^a-z-]", "")), 200))
                .onFailure(ProblemException.class).recoverWithItem(() -> Response.seeOther(URI.create(REPAIRS)).build());
    }

    /** The ticket's next step; a refusal is named on the ticket's page by a fixed text, nothing changed. */
    @POST
    @Path("repairs/{ticketNo}/steps")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> repairStep(@PathParam("ticketNo") @Pattern(regexp = "R[0-9]{16}") String ticketNo,
            @RestForm String csrf, @RestForm String status, @RestForm String crewName, @RestForm String crewContact,
            @RestForm String note) {
        checkCsrf(csrf);
        String ticket = REPAIRS + "/" + ticketNo;
        RepairStatus next = status == null ? null : Arrays.stream(RepairStatus.values())
                .filter(value -> value.name().equals(status)).findFirst().orElse(null);
        RepairStepRequest request = new RepairStepRequest(next, blankAsNull(crewName), blankAsNull(crewContact), note);
        if (!validator.validate(request).isEmpty()) {
            return Uni.createFrom().item(Response.seeOther(URI.create(ticket + "?problem=invalid-step")).build());
        }
        return repairs.step(current.member(), ticketNo, request)
                .map(moved -> Response.seeOther(URI.create(ticket)).build())
                .onFailure(ProblemException.class).recoverWithItem(failure -> Response.seeOther(URI.create(
                        ticket + "?problem=" + ((ProblemException) failure).slug())).build());
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Not signed in, or the token lapsed: to the sign-in page rather than problem JSON. */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response signInFirst() {
        return Response.seeOther(URI.create("/console/sign-in")).cookie(cookie("", 0)).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return Response.status(403).type(MediaType.TEXT_PLAIN).entity("Your role does not allow this.").build();
    }

    /** After a change, back to the escalation; a refusal (409, 404) is named there, by a fixed text, not echoed. */
    private static Uni<Response> back(long id, Uni<StaffEscalation> change) {
        return change.map(changed -> Response.seeOther(URI.create(detail(id))).build())
                .onFailure(ProblemException.class).recoverWithItem(failure -> {
                    ProblemException problem = (ProblemException) failure;
                    return problem.status() == 404 ? Response.seeOther(URI.create(QUEUE)).build()
                            : Response.seeOther(URI.create(detail(id) + "?problem=" + problem.slug())).build();
                });
    }

    private void checkCsrf(String csrf) {
        ConsolePages.checkCsrf(current, csrf);
    }

    private Uni<Response> unansweredPage(FaqEntryForm form, FaqEntry created, int status) {
        return unanswered.ranked(UNANSWERED_SHOWN).map(questions -> page(Templates.unanswered(current.member(),
                current.csrfToken(), questions, form, created), status));
    }

    private static String detail(long id) {
        return "/console/escalations/" + id;
    }

    private NewCookie cookie(String token, int maxAge) {
        return ConsolePages.cookie(config, token, maxAge);
    }

    private static Response page(TemplateInstance template, int status) {
        return ConsolePages.page(template, status);
    }
}
