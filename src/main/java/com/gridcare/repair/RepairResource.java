package com.gridcare.repair;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
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
import org.jboss.resteasy.reactive.RestResponse;

import com.gridcare.binding.MyAccount;
import com.gridcare.common.Page;
import com.gridcare.identity.CurrentResident;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/accounts/{accountNo}/repairs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentResident.ROLE)
@SecurityRequirement(name = "bearer")
@Tag(name = "Repairs", description = "Fault reports for my accounts and how their repair goes")
public class RepairResource {

    private final RepairService service;
    private final CurrentResident current;

    public RepairResource(RepairService service, CurrentResident current) {
        this.service = service;
        this.current = current;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a fault", description = "When a known outage already covers the account, the ticket "
            + "is linked to it (linkedOutageId) and no crew is sent for it; when the account has an open ticket, the "
            + "report joins that ticket's timeline (200) instead of opening another.")
    @APIResponse(responseCode = "201", description = "A new ticket", content = @Content(schema = @Schema(implementation = RepairTicket.class)))
    @APIResponse(responseCode = "200", description = "Added to the account's open ticket", content = @Content(schema = @Schema(implementation = RepairTicket.class)))
    public Uni<RestResponse<RepairTicket>> report(@Valid @BeanParam MyAccount account,
            @Valid @NotNull RepairReport report) {
        long resident = current.id();
        return account.customerId()
                .chain(customer -> service.report(resident, customer, report))
                .map(filed -> filed.created()
                        ? RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, filed.ticket())
                                .location(URI.create("/api/v1/accounts/" + account.number() + "/repairs/"
                                        + filed.ticket().ticketNo())).build()
                        : RestResponse.ok(filed.ticket()));
    }

    @GET
    @Operation(summary = "The account's repair tickets", description = "Newest first, with their timelines.")
    public Uni<Page<RepairTicket>> tickets(@Valid @BeanParam MyAccount account,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return account.customerId().chain(customer -> service.tickets(customer, cursor, limit));
    }

    @GET
    @Path("{ticketNo}")
    @Operation(summary = "One repair ticket and its timeline")
    public Uni<RepairTicket> ticket(@Valid @BeanParam MyAccount account,
            @PathParam("ticketNo") @Pattern(regexp = "^R[0-9]{16}$") String ticketNo) {
        return account.customerId().chain(customer -> service.ticket(customer, ticketNo));
    }
}
