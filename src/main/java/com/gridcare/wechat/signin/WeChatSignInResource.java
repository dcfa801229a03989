package com.gridcare.wechat.signin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import com.gridcare.auth.Session;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/auth/wechat-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in", description = "Mobile and SMS code; sessions and their refresh")
public class WeChatSignInResource {

    /** The code WeChat appended to the H5 page's address after web authorisation. */
    public record WeChatSignInRequest(@NotNull @Pattern(regexp = "^wx[0-9a-zA-Z]{8,30}$") String appid,
            @NotNull @Pattern(regexp = "^[0-9A-Za-z_-]{8,128}$") String code) {
    }

    private final WeChatSignIn signIn;

    public WeChatSignInResource(WeChatSignIn signIn) {
        this.signIn = signIn;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Sign in inside WeChat", description = "Exchanges the OAuth2 code of WeChat web authorisation "
            + "(snsapi_base or snsapi_userinfo) for a session; a follower seen for the first time becomes a resident.")
    @APIResponse(responseCode = "201", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Session.class)))
    @APIResponse(responseCode = "401", description = "The code is invalid, used or expired")
    @APIResponse(responseCode = "404", description = "No such official account")
    public Uni<Session> signIn(@Valid @NotNull WeChatSignInRequest request) {
        return signIn.signIn(request.appid(), request.code());
    }
}
