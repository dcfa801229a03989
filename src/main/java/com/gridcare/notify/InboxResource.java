package com.gridcare.notify;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.common.Page;
import com.gridcare.identity.CurrentResident;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentResident.ROLE)
@SecurityRequirement(name = "bearer")
@Tag(name = "Notifications", description = "What I want to hear about, how and when; what was sent to me")
public class InboxResource {

    private final PreferenceService service;
    private final CurrentResident current;

    public InboxResource(PreferenceService service, CurrentResident current) {
        this.service = service;
        this.current = current;
    }

    @GET
    @Operation(summary = "What was sent to me", description = "Newest first, on every channel; pass nextCursor back as "
            + "cursor for more. The sent messages listed count as read from now on (readAt).")
    public Uni<Page<InboxMessage>> inbox(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.inbox(current.id(), cursor, limit);
    }
}
