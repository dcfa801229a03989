package com.gridcare.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import com.gridcare.identity.CurrentResident;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in", description = "Mobile and SMS code; sessions and their refresh")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class AuthResource {

    private final AuthService service;
    private final CurrentResident current;

    public AuthResource(AuthService service, CurrentResident current) {
        this.service = service;
        this.current = current;
    }

    @POST
    @Path("auth/sms-codes")
    @ResponseStatus(202)
    @Operation(summary = "Text me a sign-in code", description = "6 digits, valid 5 minutes, single use. At most one a "
            + "minute and ten a day per phone, and a limited number per client address.")
    @APIResponse(responseCode = "202", description = "The code is on its way",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SmsCodeSent.class)))
    @APIResponse(responseCode = "429", description = "A rate limit was reached")
    public Uni<SmsCodeSent> sendCode(@Valid @NotNull AuthRequests.SmsCodeRequest request, HttpServerRequest http) {
        return service.sendSignInCode(request.mobile(), http.remoteAddress().hostAddress());
    }

    @POST
    @Path("auth/sessions")
    @ResponseStatus(201)
    @Operation(summary = "Sign in with the code", description = "Returns a bearer token and a refresh token.")
    @APIResponse(responseCode = "201", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Session.class)))
    @APIResponse(responseCode = "401", description = "Wrong or expired code")
    public Uni<Session> signIn(@Valid @NotNull AuthRequests.SignInRequest request) {
        return service.signIn(request.mobile(), request.code());
    }

    @POST
    @Path("auth/sessions/refresh")
    @Operation(summary = "Exchange a refresh token for a new session", description = "The refresh token is used up.")
    @APIResponse(responseCode = "200", description = "A new session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Session.class)))
    @APIResponse(responseCode = "401", description = "The refresh token is unknown, used or expired")
    public Uni<Session> refresh(@Valid @NotNull AuthRequests.RefreshRequest request) {
        return service.refresh(request.refreshToken());
    }

    @POST
    @Path("auth/sessions/sign-out")
    @ResponseStatus(204)
    @Operation(summary = "Sign out", description = "Revokes the refresh token; the access token lapses by itself.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Uni<Void> signOut(@Valid @NotNull AuthRequests.RefreshRequest request) {
        return service.signOut(request.refreshToken());
    }

    @GET
    @Path("me")
    @RolesAllowed(CurrentResident.ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Who I am signed in as")
    public Uni<ResidentProfile> me() {
        return service.profile(current.id());
    }
}
