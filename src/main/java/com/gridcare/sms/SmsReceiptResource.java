package com.gridcare.sms;

import java.time.ZoneOffset;

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
import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.ProblemException;
import com.gridcare.notify.DeliveryReceipts;

import io.smallrye.mutiny.Uni;

/** Where the SMS provider reports whether a text arrived. Public by design, signed instead ({@link HmacSignatures}). */
@Path("/api/v1/callbacks/sms")
@Tag(name = "Callbacks")
public class SmsReceiptResource {

    private final DeliveryReceipts receipts;
    private final SmsConfig config;
    private final SignedJson json;

    public SmsReceiptResource(DeliveryReceipts receipts, SmsConfig config, SignedJson json) {
        this.receipts = receipts;
        this.config = config;
        this.json = json;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A text arrived or failed", description = "From the SMS provider: the receipt becomes the "
            + "contact's outcome (DELIVERED or FAILED). Each text takes one receipt; another is refused (409) and "
            + "changes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SmsReceipt.class)))
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "403", description = "Not signed with the shared secret")
    @APIResponse(responseCode = "404", description = "No text with this reference")
    @APIResponse(responseCode = "409", description = "This text's receipt came before")
    public Uni<Void> received(
            @Parameter(description = "Lower-case hex HMAC-SHA256 of the body with the shared secret")
            @HeaderParam(HmacSignatures.HEADER) String signature, byte[] body) {
        SmsReceipt receipt = json.read(config.callbackSecret(), body, signature, SmsReceipt.class,
                "give reference, a status of DELIVERED or FAILED and at (an ISO instant)");
        if (receipt.reference() == null || receipt.reference().isBlank() || receipt.status() == null
                || receipt.at() == null) {
            throw new InvalidRequestException("give reference, status and at");
        }
        return receipts.byKey(SmsChannel.CODE, receipt.reference(), receipt.status() == SmsReceipt.Status.DELIVERED,
                receipt.at().atOffset(ZoneOffset.UTC)).map(recorded -> switch (recorded) {
                    case RECORDED -> null;
                    case UNKNOWN -> throw ProblemException.notFound("No text with this reference.");
                    case REPEATED -> throw new ProblemException(409, "receipt-already-recorded", "Conflict",
                            "This text's receipt was recorded already.");
                });
    }
}
