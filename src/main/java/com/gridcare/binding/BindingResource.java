package com.gridcare.binding;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import com.gridcare.identity.CurrentResident;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1/me/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentResident.ROLE)
@SecurityRequirement(name = "bearer")
@Tag(name = "My accounts", description = "Binding the accounts (户号) I may see: my home, my parents' home, a shop")
public class BindingResource {

    private final BindingService service;
    private final CurrentResident current;

    public BindingResource(BindingService service, CurrentResident current) {
        this.service = service;
        this.current = current;
    }

    @GET
    @Operation(summary = "My bound accounts")
    public Uni<List<BoundAccount>> accounts() {
        return service.accounts(current.id());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Bind an account", description = "With the registered mobile's last four digits or a code "
            + "texted to it. Binding an account already bound updates its label. At most 5 accounts.")
    @APIResponse(responseCode = "201", description = "Bound", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BoundAccount.class)))
    @APIResponse(responseCode = "400", description = "The account number and the proof do not match")
    @APIResponse(responseCode = "409", description = "5 accounts bound already")
    @APIResponse(responseCode = "429", description = "Too many wrong proofs in the last hour")
    public Uni<BoundAccount> bind(@Valid @NotNull BindRequest request) {
        return service.bind(current.id(), request);
    }

    @POST
    @Path("{accountNo}/proof-codes")
    @ResponseStatus(202)
    @Operation(summary = "Text a proof code to the account's registered mobile", description = "Answers the same "
            + "whether or not the account exists.")
    @APIResponse(responseCode = "202", description = "A code is on its way if the account has a registered mobile")
    public Uni<Void> sendProofCode(
            @PathParam("accountNo") @Pattern(regexp = AccountAccess.ACCOUNT_NO) String accountNo,
            @Context HttpServerRequest http) {
        return service.sendProofCode(current.id(), accountNo, http.remoteAddress().hostAddress());
    }

    @DELETE
    @Path("{accountNo}")
    @ResponseStatus(204)
    @Operation(summary = "Unbind an account")
    public Uni<Void> unbind(@PathParam("accountNo") @Pattern(regexp = AccountAccess.ACCOUNT_NO) String accountNo) {
        return service.unbind(current.id(), accountNo);
    }
}
