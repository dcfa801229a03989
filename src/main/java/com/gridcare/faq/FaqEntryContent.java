package com.gridcare.faq;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What staff write for a topic: the question as a title, the answer, and the other ways residents ask it. */
public record FaqEntryContent(
        @NotBlank @Size(max = 120) String title,
        @NotBlank @Size(max = 4000) String answer,
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 200) String> phrasings) {
}
