package com.gridcare.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ReplyRequest(@NotBlank @Size(max = ReplyRequest.MAX_TEXT) String text) {

    /** Also the console form's limit. */
    public static final int MAX_TEXT = 2000;
}
