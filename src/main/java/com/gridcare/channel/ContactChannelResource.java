package com.gridcare.channel;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.notify.ContactChannel;
import com.gridcare.staff.CurrentStaff;
import com.gridcare.staff.StaffRole;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/staff/contact-channels")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Staff", description = "Staff sign-in and the escalations they work")
public class ContactChannelResource {

    private final ContactChannelAdmin admin;
    private final CurrentStaff current;

    public ContactChannelResource(ContactChannelAdmin admin, CurrentStaff current) {
        this.admin = admin;
        this.current = current;
    }

    @GET
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Operation(summary = "The contact channels and what each contact costs", description = "Cheapest first.")
    public Uni<List<ContactChannel>> channels() {
        return admin.all();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(StaffRole.ADMIN_GROUP)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a channel's cost or switch it on or off", description = "Administrators only; "
            + "audited. A switched-off channel is not chosen for new messages; the app inbox cannot be switched off.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactChannel.class)))
    @APIResponse(responseCode = "404", description = "No such channel")
    @APIResponse(responseCode = "409", description = "The app inbox cannot be switched off")
    public Uni<ContactChannel> update(@PathParam("code") String code, @Valid @NotNull ContactChannelUpdate update) {
        return admin.update(current.member(), code, update);
    }
}
