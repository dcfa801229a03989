package com.gridcare.risk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.binding.AccountAccess;
import com.gridcare.common.ProblemException;
import com.gridcare.staff.StaffRole;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Risk", description = "Fee-recovery risk: the chance an account's next bill is paid late or not at all")
public class RiskResource {

    private final RiskService service;
    private final RiskScores scores;

    public RiskResource(RiskService service, RiskScores scores) {
        this.service = service;
        this.scores = scores;
    }

    @POST
    @Path("risk/models")
    @RolesAllowed(StaffRole.ADMIN_GROUP)
    @Operation(summary = "Train a new risk model now", description = "Trains on the payment history (the latest months "
            + "with known outcomes test it), stores it as the next version and rescores every account; answers when done.")
    @APIResponse(responseCode = "201", description = "Trained, stored and every account rescored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskModelSummary.class)))
    @APIResponse(responseCode = "409", description = "Another training is running, or too little history to train on")
    public Uni<Response> train() {
        return service.trainNow().map(model -> Response.status(Response.Status.CREATED).entity(model).build());
    }

    @GET
    @Path("risk/models/current")
    @RolesAllowed({ StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Operation(summary = "The model in use", description = "Its version, training window and test metrics beside the "
            + "\"late last time\" rule.")
    @APIResponse(responseCode = "200", description = "The current model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskModelSummary.class)))
    @APIResponse(responseCode = "404", description = "No model trained yet")
    public Uni<RiskModelSummary> current() {
        return scores.currentModel().map(model -> model
                .orElseThrow(() -> ProblemException.notFound("No risk model has been trained yet.")));
    }

    @GET
    @Path("customers/{accountNo}/risk")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Operation(summary = "An account's risk", description = "Probability that its next bill is paid late or not at "
            + "all, the tier that drives its reminders, and what raised it.")
    @APIResponse(responseCode = "200", description = "The account's latest score",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountRisk.class)))
    @APIResponse(responseCode = "404", description = "No such account, or not scored yet (no bill)")
    public Uni<AccountRisk> account(
            @Parameter(description = "Account number (户号)") @PathParam("accountNo")
            @Pattern(regexp = AccountAccess.ACCOUNT_NO, message = "must be 6 to 16 digits or capital letters") String accountNo) {
        return scores.account(accountNo).map(risk -> risk
                .orElseThrow(() -> ProblemException.notFound("No risk score for account " + accountNo + ".")));
    }
}
