package com.gridcare.billing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;

import com.gridcare.binding.MyAccount;
import com.gridcare.common.Page;
import com.gridcare.common.RequestDates;
import com.gridcare.identity.CurrentResident;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/accounts/{accountNo}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentResident.ROLE)
@SecurityRequirement(name = "bearer")
@Tag(name = "Bills", description = "Bills, arrears and payments of one of my accounts")
public class BillResource {

    private final BillingService service;

    public BillResource(BillingService service) {
        this.service = service;
    }

    @GET
    @Path("bills")
    @Cache(maxAge = 60, isPrivate = true)
    @Operation(summary = "My bills", description = "Newest first; pass nextCursor back as cursor for more.")
    public Uni<Page<BillSummary>> bills(@Valid @BeanParam MyAccount account,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return account.customerId().flatMap(customer -> service.bills(customer, cursor, limit));
    }

    @GET
    @Path("bills/latest")
    @Cache(maxAge = 60, isPrivate = true)
    @Operation(summary = "My latest bill", description = "Items, status and the late fee accrued so far.")
    public Uni<BillDetail> latest(@Valid @BeanParam MyAccount account) {
        return account.customerId().flatMap(service::latestBill)
                .map(bill -> bill.orElseThrow(NotFoundException::new));
    }

    @GET
    @Path("bills/{period}")
    @Cache(maxAge = 60, isPrivate = true)
    @Operation(summary = "One bill", description = "The bill of a month (yyyy-MM).")
    public Uni<BillDetail> bill(@Valid @BeanParam MyAccount account,
            @PathParam("period") String period) {
        var month = RequestDates.month("period", period);
        return account.customerId().flatMap(customer -> service.bill(customer, month))
                .map(bill -> bill.orElseThrow(NotFoundException::new));
    }

    @GET
    @Path("arrears")
    @Cache(maxAge = 60, isPrivate = true)
    @Operation(summary = "What I owe", description = "Open bills, the late fees accrued so far and the total due now.")
    public Uni<Arrears> arrears(@Valid @BeanParam MyAccount account) {
        return account.customerId().flatMap(service::arrears);
    }

    @GET
    @Path("payments")
    @Cache(maxAge = 60, isPrivate = true)
    @Operation(summary = "My payments", description = "Newest first, with the channel paid through.")
    public Uni<Page<PaymentRecord>> payments(@Valid @BeanParam MyAccount account,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return account.customerId().flatMap(customer -> service.payments(customer, cursor, limit));
    }
}
