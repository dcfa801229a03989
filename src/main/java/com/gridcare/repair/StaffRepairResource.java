package com.gridcare.repair;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.common.Page;
import com.gridcare.staff.CurrentStaff;
import com.gridcare.staff.StaffRole;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/staff/repairs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
@SecurityRequirement(name = "bearer")
@Tag(name = "Staff", description = "Staff sign-in and the escalations they work")
public class StaffRepairResource {

    private final StaffRepairs repairs;
    private final CurrentStaff current;

    public StaffRepairResource(StaffRepairs repairs, CurrentStaff current) {
        this.repairs = repairs;
        this.current = current;
    }

    @GET
    @Operation(summary = "Repair tickets to work", description = "As my role lets me see them, by the customer's grid "
            + "area (agent: my grid area; supervisor: my district and customers without an area; admin: all), oldest "
            + "first.")
    public Uni<Page<StaffRepairTicket>> queue(
            @Parameter(description = "Only tickets in this status; without it, every open one (RECEIVED, DISPATCHED, "
                    + "ON_SITE, LINKED)") @QueryParam("status") RepairStatus status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        List<RepairStatus> statuses = status == null ? List.copyOf(RepairStatus.OPEN) : List.of(status);
        return repairs.queue(current.member(), statuses, cursor, limit);
    }

    @GET
    @Path("{ticketNo}")
    @Operation(summary = "One repair ticket, its timeline and the steps it may take next")
    @APIResponse(responseCode = "404", description = "No such ticket in my queues")
    public Uni<StaffRepairTicket> ticket(@PathParam("ticketNo") @Pattern(regexp = "^R[0-9]{16}$") String ticketNo) {
        return repairs.ticket(current.member(), ticketNo);
    }

    @POST
    @Path("{ticketNo}/steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the ticket on", description = "Dispatch it to a crew (name and phone), crew on site, "
            + "power restored, closed. The step is on the resident's timeline and notified to them; audited.")
    @APIResponse(responseCode = "200", description = "Moved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffRepairTicket.class)))
    @APIResponse(responseCode = "400", description = "A crew missing when dispatching, or named when not")
    @APIResponse(responseCode = "404", description = "No such ticket in my queues")
    @APIResponse(responseCode = "409", description = "The step does not follow from the ticket's status")
    public Uni<StaffRepairTicket> step(@PathParam("ticketNo") @Pattern(regexp = "^R[0-9]{16}$") String ticketNo,
            @Valid @NotNull RepairStepRequest request) {
        return repairs.step(current.member(), ticketNo, request);
    }
}
