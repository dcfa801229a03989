package com.gridcare.faq;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.staff.StaffRole;

import io.smallrye.mutiny.Uni;

/**
 * Staff's side of the FAQ bot: the knowledge base and the questions it could not answer. Kept apart from the
 * residents' {@link FaqResource} so that staff sign-in and roles can be required here in one place.
 */
@Path("/api/v1/faq")
@RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
@SecurityRequirement(name = "bearer")
@Tag(name = "FAQ knowledge base", description = "Staff edit the bot's topics and see what it could not answer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FaqAdminResource {

    private final KnowledgeBaseService knowledgeBase;
    private final UnansweredLog unanswered;

    public FaqAdminResource(KnowledgeBaseService knowledgeBase, UnansweredLog unanswered) {
        this.knowledgeBase = knowledgeBase;
        this.unanswered = unanswered;
    }

    @GET
    @Path("/entries")
    @Operation(summary = "All topics", description = "Active and retired, in their current version.")
    public Uni<List<FaqEntry>> entries() {
        return knowledgeBase.entries();
    }

    @GET
    @Path("/entries/{topicId}/history")
    @Operation(summary = "Every version of a topic", description = "Oldest first, the current one included.")
    @APIResponse(responseCode = "200", description = "Every version")
    @APIResponse(responseCode = "404", description = "No such topic")
    public Uni<List<FaqEntry>> history(@PathParam("topicId") String topicId) {
        return knowledgeBase.history(topicId).onItem()
                .invoke(versions -> {
                    if (versions.isEmpty()) {
                        throw new NotFoundException();
                    }
                });
    }

    @POST
    @Path("/entries")
    @Operation(summary = "Add a topic", description = "Version 1; every instance answers with it within seconds.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FaqEntry.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The topic id is taken (retired topics included)")
    public Uni<Response> create(@Valid @NotNull NewFaqEntry entry) {
        return knowledgeBase.create(entry).map(created -> Response
                .created(URI.create("/api/v1/faq/entries/" + created.topicId())).entity(created).build());
    }

    @PUT
    @Path("/entries/{topicId}")
    @Operation(summary = "Edit a topic", description = "A new version, kept in the history; a retired topic becomes "
            + "active again.")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "404", description = "No such topic")
    public Uni<FaqEntry> edit(@PathParam("topicId") String topicId, @Valid @NotNull FaqEntryContent content) {
        return knowledgeBase.edit(topicId, content).onItem().ifNull().failWith(NotFoundException::new);
    }

    @DELETE
    @Path("/entries/{topicId}")
    @Operation(summary = "Retire a topic", description = "The bot stops answering with it; the topic and its history "
            + "stay.")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "404", description = "No active topic of that id")
    public Uni<Response> retire(@PathParam("topicId") String topicId) {
        return knowledgeBase.retire(topicId).onItem().ifNull().failWith(NotFoundException::new)
                .replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/unanswered")
    @Operation(summary = "Questions the bot could not answer", description = "Not sure, out of scope or rated "
            + "unhelpful, grouped by normalised question, most frequent first.")
    public Uni<List<UnansweredQuestion>> unanswered(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(UnansweredLog.MAX_LIMIT) int limit) {
        return unanswered.ranked(limit);
    }
}
