package com.gridcare.faq;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import com.gridcare.identity.CurrentResident;

import io.smallrye.mutiny.Uni;

/** Anyone may ask; a resident's bearer token, when sent, makes it their conversation, which the bot remembers. */
@Path("/api/v1/faq")
@Tag(name = "FAQ bot", description = "Residents' questions in their own words")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FaqResource {

    private final ConversationService conversations;
    private final CurrentResident current;

    public FaqResource(ConversationService conversations, CurrentResident current) {
        this.conversations = conversations;
        this.current = current;
    }

    @POST
    @Path("/ask")
    @Operation(summary = "Ask the FAQ bot", description = "Answers with a knowledge-base topic, an intent for the "
            + "resident's account, or, when not sure (confidence below the threshold), null with the two closest "
            + "topics and an offer of a person. Questions about other services get topicId null. With a resident's "
            + "token the conversation is remembered for a while, and asking for a person (转人工) or a second unsure "
            + "answer in a row hands it to the grid service staff: escalationId names the escalation (or the one "
            + "still open, which the new turns are added to). Without a token, escalate only offers a person.")
    @APIResponse(responseCode = "200", description = "The answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FaqAnswer.class)))
    @APIResponse(responseCode = "400", description = "No question, a blank one, or one over 500 characters")
    @APIResponse(responseCode = "401", description = "A token that is expired or invalid (no token is fine)")
    public Uni<FaqAnswer> ask(@Valid @NotNull AskRequest request) {
        return current.ifSignedIn().chain(resident -> conversations.ask(request,
                resident.map(Conversation::app).orElseGet(Conversation::anonymous)))
                .map(ConversationService.Reply::answer);
    }

    @POST
    @Path("/feedback")
    @Operation(summary = "Rate an answer", description = "An unhelpful rating puts the question on the list of "
            + "unanswered questions for staff and, with a resident's token, hands the conversation (the rated "
            + "question included) to the grid service staff.")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FeedbackReceipt.class)))
    @APIResponse(responseCode = "400", description = "Missing question or rating")
    @APIResponse(responseCode = "401", description = "A token that is expired or invalid (no token is fine)")
    public Uni<FeedbackReceipt> feedback(@Valid @NotNull FeedbackRequest feedback) {
        return current.ifSignedIn().chain(resident -> conversations.feedback(feedback,
                resident.map(Conversation::app).orElseGet(Conversation::anonymous)));
    }
}
