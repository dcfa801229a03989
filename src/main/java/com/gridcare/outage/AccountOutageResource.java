package com.gridcare.outage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;

import com.gridcare.binding.MyAccount;
import com.gridcare.identity.CurrentResident;

import io.smallrye.mutiny.Uni;

/**
 * Outages affecting one of my accounts. A class of its own because JAX-RS picks the resource class by its path
 * before the method: under {@code /api/v1} it would lose every account path to the bills resource.
 */
@Path("/api/v1/accounts/{accountNo}/outages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentResident.ROLE)
@SecurityRequirement(name = "bearer")
@Tag(name = "Outages", description = "Current and planned power outages")
public class AccountOutageResource {

    private final OutageService service;

    public AccountOutageResource(OutageService service) {
        this.service = service;
    }

    @GET
    @Cache(maxAge = 30, isPrivate = true)
    @Operation(summary = "Outages affecting my account", description = "The current outage with its cause and "
            + "estimated restoration, and planned outages in the next 14 days.")
    public Uni<CustomerOutages> forAccount(@Valid @BeanParam MyAccount account) {
        return account.customerId().flatMap(service::forCustomer);
    }
}
