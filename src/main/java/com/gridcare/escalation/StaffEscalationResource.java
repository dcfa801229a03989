package com.gridcare.escalation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.common.Page;
import com.gridcare.staff.CurrentStaff;
import com.gridcare.staff.StaffRole;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/staff/escalations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
@SecurityRequirement(name = "bearer")
@Tag(name = "Staff", description = "Staff sign-in and the escalations they work")
public class StaffEscalationResource {

    /** What a queue shows unless asked otherwise: everything not resolved. */
    static final List<EscalationStatus> OPEN = List.of(EscalationStatus.NEW, EscalationStatus.REOPENED,
            EscalationStatus.CLAIMED, EscalationStatus.REPLIED);

    private final StaffEscalations service;
    private final CustomerContextService customers;
    private final CurrentStaff current;

    public StaffEscalationResource(StaffEscalations service, CustomerContextService customers, CurrentStaff current) {
        this.service = service;
        this.customers = customers;
        this.current = current;
    }

    @GET
    @Operation(summary = "My queue", description = "What my role lets me see (agent: my grid area and what I claimed; "
            + "supervisor: my district, the general queue and what was moved to me; admin: all), first due first.")
    public Uni<Page<StaffEscalation>> queue(
            @Parameter(description = "Statuses to list (repeatable); default all but RESOLVED") @QueryParam("status")
            List<EscalationStatus> statuses,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.queue(current.member(), statuses == null || statuses.isEmpty() ? OPEN : statuses, cursor,
                limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One escalation with the conversation and replies")
    @APIResponse(responseCode = "200", description = "The escalation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffEscalation.class)))
    @APIResponse(responseCode = "404", description = "No such escalation in my queues")
    public Uni<StaffEscalation> detail(@PathParam("id") long id) {
        return service.detail(current.member(), id);
    }

    @GET
    @Path("{id}/customer")
    @Operation(summary = "The customer behind it", description = "Bound accounts, latest bill, outages; audited.")
    public Uni<CustomerContext> customer(@PathParam("id") long id) {
        return customers.context(current.member(), id);
    }

    @POST
    @Path("{id}/claim")
    @Operation(summary = "Claim it", description = "New or reopened ones; supervisors and admins may take over.")
    @APIResponse(responseCode = "200", description = "Claimed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffEscalation.class)))
    @APIResponse(responseCode = "409", description = "Not claimable now")
    public Uni<StaffEscalation> claim(@PathParam("id") long id) {
        return service.claim(current.member(), id);
    }

    @POST
    @Path("{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the resident", description = "Only by whoever claimed it; reaches the resident's "
            + "inbox (and WeChat) through the outbox.")
    @APIResponse(responseCode = "200", description = "Replied",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffEscalation.class)))
    @APIResponse(responseCode = "409", description = "Not claimed by me")
    public Uni<StaffEscalation> reply(@PathParam("id") long id, @Valid @NotNull ReplyRequest request) {
        return service.reply(current.member(), id, request.text());
    }

    @POST
    @Path("{id}/resolve")
    @Operation(summary = "Resolve it", description = "After an answer; by whoever claimed it, or a supervisor.")
    @APIResponse(responseCode = "200", description = "Resolved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffEscalation.class)))
    @APIResponse(responseCode = "409", description = "Not answered yet")
    public Uni<StaffEscalation> resolve(@PathParam("id") long id) {
        return service.resolve(current.member(), id);
    }
}
