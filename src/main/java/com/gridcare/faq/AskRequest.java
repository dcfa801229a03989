package com.gridcare.faq;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A resident's question, optionally about one of their accounts (户号). */
public record AskRequest(
        @NotBlank @Size(max = AskRequest.MAX_QUESTION) String question,
        @Size(max = 16) String accountNo) {

    public static final int MAX_QUESTION = 500;
}
