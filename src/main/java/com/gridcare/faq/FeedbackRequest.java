package com.gridcare.faq;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A resident's rating of an answer: the question as they asked it and the topic they were answered with. */
public record FeedbackRequest(
        @NotBlank @Size(max = AskRequest.MAX_QUESTION) String question,
        @Size(max = 64) String topicId,
        @NotNull Boolean helpful) {
}
