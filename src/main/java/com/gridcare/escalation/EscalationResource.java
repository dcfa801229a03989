package com.gridcare.escalation;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import com.gridcare.binding.AccountAccess;
import com.gridcare.common.Page;
import com.gridcare.identity.CurrentResident;

import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentResident.ROLE)
@SecurityRequirement(name = "bearer")
@Tag(name = "Escalations", description = "Handing a conversation with the bot to grid service staff")
public class EscalationResource {

    /** The REST API is the app's; the WeChat route calls the service with WECHAT itself. */
    private static final String CHANNEL = "APP";

    private final ResidentEscalations service;
    private final AccountAccess access;
    private final CurrentResident current;

    public EscalationResource(ResidentEscalations service, AccountAccess access, CurrentResident current) {
        this.service = service;
        this.access = access;
        this.current = current;
    }

    @POST
    @Path("escalations")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Ask a person", description = "Hands the question and the conversation so far to the grid "
            + "service staff of the account's area (the general queue without an account). A first answer is due "
            + "within the service level's working time and arrives in my inbox.")
    @APIResponse(responseCode = "201", description = "Escalated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MyEscalation.class)))
    @APIResponse(responseCode = "404", description = "The account is not one of mine")
    @APIResponse(responseCode = "429", description = "Too many escalations this hour")
    public Uni<MyEscalation> escalate(@Valid @NotNull EscalationRequest request) {
        long resident = current.id();
        Uni<Long> customer = request.accountNo() == null ? Uni.createFrom().nullItem()
                : access.customerIdFor(resident, request.accountNo());
        return customer.chain(customerId -> service.escalate(resident, customerId, CHANNEL, request.reason(),
                request.question(), request.conversation()));
    }

    @GET
    @Path("me/escalations")
    @Operation(summary = "My escalations with the staff's answers", description = "Newest first; pass nextCursor "
            + "back as cursor for more.")
    public Uni<Page<MyEscalation>> mine(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.mine(current.id(), cursor, limit);
    }

    @POST
    @Path("me/escalations/{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate the answer", description = "3-5 resolves the escalation; 1-2 reopens it for staff.")
    @APIResponse(responseCode = "200", description = "Rated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MyEscalation.class)))
    @APIResponse(responseCode = "409", description = "Nothing has been answered yet")
    public Uni<MyEscalation> rate(@PathParam("id") long id, @Valid @NotNull RatingRequest request) {
        return service.rate(current.id(), id, request.rating());
    }
}
