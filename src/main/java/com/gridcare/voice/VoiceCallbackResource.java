package com.gridcare.voice;


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

import io.smallrye.mutiny.Uni;

/**
 * Where the voice provider reports how a call ended. Public by design, signed instead ({@link HmacSignatures}).
 */
@Path("/api/v1/callbacks/voice")
@Tag(name = "Callbacks", description = "Providers reporting back; signed, not signed in")
public class VoiceCallbackResource {

    private final VoiceCalls calls;
    private final VoiceConfig config;
    private final SignedJson json;

    public VoiceCallbackResource(VoiceCalls calls, VoiceConfig config, SignedJson json) {
        this.calls = calls;
        this.config = config;
        this.json = json;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A call ended", description = "From the voice provider: the call's result becomes the "
            + "contact's outcome. Each call is reported once; a repeated report is refused (409) and changes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VoiceCallResult.class)))
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "403", description = "Not signed with the shared secret")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "Reported already")
    public Uni<Void> ended(
            @Parameter(description = "Lower-case hex HMAC-SHA256 of the body with the shared secret")
            @HeaderParam(HmacSignatures.HEADER) String signature, byte[] body) {
        VoiceCallResult report = json.read(config.callbackSecret(), body, signature, VoiceCallResult.class,
                "give callId and a result of ANSWERED, NO_ANSWER, BUSY or FAILED");
        if (report.callId() == null || report.callId().isBlank() || report.result() == null) {
            return Uni.createFrom().failure(new InvalidRequestException("give callId and result"));
        }
        return calls.ended(report);
    }
}
