package com.gridcare.billing;


import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.common.HmacSignatures;
import com.gridcare.common.SignedJson;

import io.smallrye.mutiny.Uni;

/** Where the payment provider reports a bill paid. Public by design, signed instead ({@link HmacSignatures}). */
@Path("/api/v1/callbacks/payments")
@Tag(name = "Callbacks")
public class PaymentCallbackResource {

    private final Payments payments;
    private final BillingConfig config;
    private final SignedJson json;

    public PaymentCallbackResource(Payments payments, BillingConfig config, SignedJson json) {
        this.payments = payments;
        this.config = config;
        this.json = json;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A bill was paid", description = "From the payment provider: the payment is recorded and "
            + "applied to the bill of its account and period (PARTIALLY_PAID, or PAID once paid in full). Each "
            + "paymentRef is recorded once; a repeat is refused (409) and changes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PaymentReport.class)))
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "403", description = "Not signed with the shared secret")
    @APIResponse(responseCode = "404", description = "No such account, or it has no bill for the period")
    @APIResponse(responseCode = "409", description = "This paymentRef was recorded already")
    public Uni<Void> paid(
            @Parameter(description = "Lower-case hex HMAC-SHA256 of the body with the shared secret")
            @HeaderParam(HmacSignatures.HEADER) String signature, byte[] body) {
        PaymentReport report = json.read(config.paymentCallbackSecret(), body, signature, PaymentReport.class,
                "give paymentRef, accountNo, period (YYYY-MM), amount, paidAt (an ISO instant) and channel");
        return payments.apply(report);
    }
}
