package com.gridcare.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "Staff sign-in and the escalations they work")
public class StaffResource {

    private final StaffSignIn signIn;
    private final CurrentStaff current;

    public StaffResource(StaffSignIn signIn, CurrentStaff current) {
        this.signIn = signIn;
        this.current = current;
    }

    @POST
    @Path("sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Sign in as staff", description = "Staff number and password; a bearer token for one shift "
            + "with the role as its group. Wrong passwords lock the staff number for a while; attempts are audited.")
    @APIResponse(responseCode = "201", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffSession.class)))
    @APIResponse(responseCode = "401", description = "Wrong staff number or password")
    @APIResponse(responseCode = "429", description = "Too many attempts for this staff number or from this address")
    public Uni<StaffSession> signIn(@Valid @NotNull StaffSignInRequest request, @Context HttpServerRequest http) {
        return signIn.signIn(request.staffNo(), request.password(), http.remoteAddress().hostAddress());
    }

    @GET
    @Path("me")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Who I am signed in as (staff)")
    public StaffMember me() {
        return current.member();
    }
}
