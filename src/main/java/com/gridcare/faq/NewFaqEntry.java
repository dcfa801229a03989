package com.gridcare.faq;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A topic to add: its id is stable (lower case, dots and dashes) and {@code intent.…} ids are intents. */
public record NewFaqEntry(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+([.-][a-z0-9]+)*") String topicId,
        @NotBlank @Size(max = 120) String title,
        @NotBlank @Size(max = 4000) String answer,
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 200) String> phrasings) {

    FaqEntryContent content() {
        return new FaqEntryContent(title, answer, phrasings);
    }
}
