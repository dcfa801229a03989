package com.gridcare.notify;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.identity.CurrentResident;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentResident.ROLE)
@SecurityRequirement(name = "bearer")
@Tag(name = "Notifications", description = "What I want to hear about, how and when; what was sent to me")
public class PreferenceResource {

    private final PreferenceService service;
    private final CurrentResident current;

    public PreferenceResource(PreferenceService service, CurrentResident current) {
        this.service = service;
        this.current = current;
    }

    @GET
    @Operation(summary = "My notification preferences", description = "One entry per topic; service notices are on "
            + "unless refused, marketing is off unless asked for.")
    public Uni<List<Preference>> preferences() {
        return service.preferences(current.id());
    }

    @PUT
    @Path("{topic}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set my preference for one topic", description = "Honoured by every sender: refused topics "
            + "are not sent, the channel override is used where I can be reached on it, quiet hours postpone sending.")
    public Uni<Preference> update(@PathParam("topic") Topic topic, @Valid @NotNull PreferenceUpdate update) {
        return service.update(current.id(), topic, update);
    }
}
