package com.gridcare.outage;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.common.Page;
import com.gridcare.common.Problem;
import com.gridcare.staff.CurrentStaff;
import com.gridcare.staff.StaffRole;

import io.smallrye.mutiny.Uni;

/**
 * Outage management for staff. Every change carries the {@code version} it was made on; a stale one gets 409
 * {@code stale-version} with what changed since. Reach: see {@link StaffOutages}.
 */
@Path("/api/v1/staff/outages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
@SecurityRequirement(name = "bearer")
@Tag(name = "Staff outages", description = "Planned and unplanned outages as staff manage them")
public class StaffOutageResource {

    private final StaffOutages service;
    private final CurrentStaff current;

    public StaffOutageResource(StaffOutages service, CurrentStaff current) {
        this.service = service;
        this.current = current;
    }

    @GET
    @Operation(summary = "Outages within my reach", description = "Agent: those lying in my grid area; supervisor: "
            + "in my district; admin: all. Latest start first.")
    public Uni<Page<StaffOutageItem>> list(
            @Parameter(description = "Statuses to list (repeatable); default SUSPECTED, DRAFT, PUBLISHED, RESTORED")
            @QueryParam("status") List<OutageStatus> statuses,
            @QueryParam("kind") OutageKind kind, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(current.member(), statuses == null || statuses.isEmpty() ? StaffOutages.OPEN : statuses,
                kind, cursor, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an outage", description = "As a DRAFT: residents see it once it is published.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffOutage.class)))
    @APIResponse(responseCode = "403", description = "The scope is beyond my grid area or district")
    public Uni<Response> create(@Valid @NotNull OutageDraft draft) {
        return service.create(current.member(), draft)
                .map(outage -> Response.status(Response.Status.CREATED).entity(outage).build());
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Customers a scope would affect", description = "Computed from the network model.")
    public Uni<ScopePreview> preview(@Valid @NotNull ScopeRequest scope) {
        return service.preview(scope);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One outage", description = "With its scope, affected customers, version and history.")
    @APIResponse(responseCode = "200", description = "The outage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffOutage.class)))
    @APIResponse(responseCode = "404", description = "No such outage within my reach")
    public Uni<StaffOutage> detail(@PathParam("id") long id) {
        return service.detail(current.member(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit an outage", description = "Fields left out stay as they are; while SUSPECTED, DRAFT "
            + "or PUBLISHED.")
    @APIResponse(responseCode = "200", description = "Edited",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffOutage.class)))
    @APIResponse(responseCode = "409", description = "Stale version (with what changed since), or not editable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OutageConflict.class)))
    public Uni<StaffOutage> edit(@PathParam("id") long id, @Valid @NotNull OutageEdit edit) {
        return service.edit(current.member(), id, edit);
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a draft", description = "Residents see it, and those affected are told.")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffOutage.class)))
    @APIResponse(responseCode = "409", description = "Stale version (with what changed since), or not a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OutageConflict.class)))
    public Uni<StaffOutage> publish(@PathParam("id") long id, @Valid @NotNull OutageStep step) {
        return service.publish(current.member(), id, step.version());
    }

    @POST
    @Path("{id}/estimate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the estimated restoration", description = "Of a current, published unplanned outage.")
    @APIResponse(responseCode = "200", description = "Moved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffOutage.class)))
    @APIResponse(responseCode = "409", description = "Stale version (with what changed since), or no estimate to move",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OutageConflict.class)))
    public Uni<StaffOutage> moveEstimate(@PathParam("id") long id, @Valid @NotNull EstimateUpdate update) {
        return service.moveEstimate(current.member(), id, update);
    }

    @POST
    @Path("{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Power is back", description = "In the transformer areas named, or everywhere; the outage "
            + "is RESTORED once all its areas are.")
    @APIResponse(responseCode = "200", description = "Restored, wholly or partly",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffOutage.class)))
    @APIResponse(responseCode = "409", description = "Stale version (with what changed since), or not under way",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OutageConflict.class)))
    public Uni<StaffOutage> restore(@PathParam("id") long id, @Valid @NotNull RestoreRequest request) {
        return service.restore(current.member(), id, request);
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a draft or published outage")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffOutage.class)))
    @APIResponse(responseCode = "409", description = "Stale version (with what changed since), or too late",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OutageConflict.class)))
    public Uni<StaffOutage> cancel(@PathParam("id") long id, @Valid @NotNull OutageStep step) {
        return service.cancel(current.member(), id, step.version());
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a restored outage")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffOutage.class)))
    @APIResponse(responseCode = "409", description = "Stale version (with what changed since), or not restored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OutageConflict.class)))
    public Uni<StaffOutage> close(@PathParam("id") long id, @Valid @NotNull OutageStep step) {
        return service.close(current.member(), id, step.version());
    }

    @POST
    @Path("{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a suspected outage", description = "Published, with any corrections sent "
            + "(scope, cause, estimate, description); fields left out stay as detection opened them.")
    @APIResponse(responseCode = "200", description = "Confirmed and published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffOutage.class)))
    @APIResponse(responseCode = "409", description = "Stale version (with what changed since), or not suspected",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OutageConflict.class)))
    public Uni<StaffOutage> confirm(@PathParam("id") long id, @Valid @NotNull OutageEdit edit) {
        return service.confirm(current.member(), id, edit);
    }

    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dismiss a suspected outage")
    @APIResponse(responseCode = "200", description = "Dismissed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffOutage.class)))
    @APIResponse(responseCode = "409", description = "Stale version (with what changed since), or not suspected",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OutageConflict.class)))
    public Uni<StaffOutage> dismiss(@PathParam("id") long id, @Valid @NotNull OutageStep step) {
        return service.dismiss(current.member(), id, step.version());
    }
}
