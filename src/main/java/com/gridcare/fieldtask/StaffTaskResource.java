package com.gridcare.fieldtask;

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

@Path("/api/v1/staff/tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
@SecurityRequirement(name = "bearer")
@Tag(name = "Staff", description = "Staff sign-in and the escalations they work")
public class StaffTaskResource {

    private final FieldTasks tasks;
    private final CurrentStaff current;

    public StaffTaskResource(FieldTasks tasks, CurrentStaff current) {
        this.tasks = tasks;
        this.current = current;
    }

    @GET
    @Operation(summary = "My calls and visits", description = "Contacts to make in person, as my role lets me see them "
            + "(agent: my grid area and mine; supervisor: my district and those without an area; admin: all), oldest "
            + "first.")
    public Uni<Page<FieldTask>> queue(
            @Parameter(description = "OPEN (the default) or CLOSED") @QueryParam("status") TaskStatus status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return tasks.queue(current.member(), status == null ? TaskStatus.OPEN : status, cursor, limit);
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close it with what came of it", description = "The outcome is what the channel choice "
            + "learns from; audited.")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FieldTask.class)))
    @APIResponse(responseCode = "404", description = "No such task in my queues")
    @APIResponse(responseCode = "409", description = "Closed already")
    public Uni<FieldTask> close(@PathParam("id") long id, @Valid @NotNull CloseTaskRequest request) {
        return tasks.close(current.member(), id, request);
    }
}
