package com.gridcare.consumption;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;

import com.gridcare.binding.MyAccount;
import com.gridcare.common.RequestDates;
import com.gridcare.identity.CurrentResident;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/accounts/{accountNo}/consumption")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentResident.ROLE)
@SecurityRequirement(name = "bearer")
@Tag(name = "Consumption", description = "How much electricity one of my accounts used, and what it is costing")
public class ConsumptionResource {

    private final ConsumptionService service;

    public ConsumptionResource(ConsumptionService service) {
        this.service = service;
    }

    @GET
    @Path("monthly")
    @Cache(maxAge = 300, isPrivate = true)
    @Operation(summary = "Monthly consumption", description = "12 or 24 months up to the last complete one, with "
            + "month-on-month and year-on-year change.")
    public Uni<MonthlyConsumption> monthly(@Valid @BeanParam MyAccount account,
            @QueryParam("months") @DefaultValue("12") int months) {
        return account.customerId().flatMap(customer -> service.monthly(customer, months));
    }

    @GET
    @Path("daily")
    @Cache(maxAge = 300, isPrivate = true)
    @Operation(summary = "Daily consumption", description = "Smart meters only; at most 92 days, both ends included.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DailyConsumption.class)))
    @APIResponse(responseCode = "409", description = "The account has no smart meter")
    public Uni<DailyConsumption> daily(@Valid @BeanParam MyAccount account,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        var first = RequestDates.date("from", from);
        var last = RequestDates.date("to", to);
        return account.customerId().flatMap(customer -> service.daily(customer, first, last));
    }

    @GET
    @Path("tier-position")
    @Cache(maxAge = 300, isPrivate = true)
    @Operation(summary = "Where this month stands in the tiers", description = "kWh so far, the tier, kWh left "
            + "before the next tier and the price of the next kWh.")
    public Uni<TierPosition> tierPosition(@Valid @BeanParam MyAccount account) {
        return account.customerId().flatMap(service::tierPosition);
    }

    @GET
    @Path("estimate")
    @Cache(maxAge = 300, isPrivate = true)
    @Operation(summary = "This month's bill, estimated", description = "From the smart meter's days so far, else "
            + "the same month last year, else the last three months.")
    public Uni<BillEstimate> estimate(@Valid @BeanParam MyAccount account) {
        return account.customerId().flatMap(service::currentMonthEstimate);
    }
}
