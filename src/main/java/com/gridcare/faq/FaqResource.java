package com.gridcare.faq;

import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/faq")
@Tag(name = "FAQ bot", description = "Residents' questions in their own words")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FaqResource {

    private final FaqAskService asking;
    private final UnansweredLog unanswered;

    public FaqResource(FaqAskService asking, UnansweredLog unanswered) {
        this.asking = asking;
        this.unanswered = unanswered;
    }

    @POST
    @Path("/ask")
    @Operation(summary = "Ask the FAQ bot", description = "Answers with a knowledge-base topic, an intent for the "
            + "resident's account, or, when not sure (confidence below the threshold), null with the two closest "
            + "topics and an offer of a person. Questions about other services get topicId null.")
    @APIResponse(responseCode = "200", description = "The answer")
    @APIResponse(responseCode = "400", description = "No question, a blank one, or one over 500 characters")
    public Uni<FaqAnswer> ask(@Valid @NotNull AskRequest request) {
        return asking.ask(request, Optional.empty());
    }

    @POST
    @Path("/feedback")
    @Operation(summary = "Rate an answer", description = "An unhelpful rating puts the question on the list of "
            + "unanswered questions for staff.")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Missing question or rating")
    public Uni<Response> feedback(@Valid @NotNull FeedbackRequest feedback) {
        return unanswered.feedback(feedback).replaceWith(Response.noContent().build());
    }
}
