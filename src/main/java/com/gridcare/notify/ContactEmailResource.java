package com.gridcare.notify;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.identity.CurrentResident;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/contact-email")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentResident.ROLE)
@SecurityRequirement(name = "bearer")
@Tag(name = "Notifications", description = "What I want to hear about, how and when; what was sent to me")
public class ContactEmailResource {

    private final ContactEmails emails;
    private final CurrentResident current;

    public ContactEmailResource(ContactEmails emails, CurrentResident current) {
        this.emails = emails;
        this.current = current;
    }

    @GET
    @Operation(summary = "My contact e-mail")
    @APIResponse(responseCode = "200", description = "The address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactEmail.class)))
    @APIResponse(responseCode = "404", description = "None set")
    public Uni<ContactEmail> get() {
        return emails.get(current.id());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set my contact e-mail", description = "Used when I prefer e-mail for a topic (preferences) "
            + "or gridcare chooses it.")
    public Uni<ContactEmail> set(@Valid @NotNull ContactEmailUpdate update) {
        return emails.set(current.id(), update);
    }

    @DELETE
    @Operation(summary = "Remove my contact e-mail", description = "Nothing is e-mailed to me any more.")
    @APIResponse(responseCode = "204", description = "Removed (or there was none)")
    public Uni<Void> remove() {
        return emails.remove(current.id());
    }
}
