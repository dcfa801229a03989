package com.gridcare.fieldtask;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CloseTaskRequest(@NotNull TaskOutcome outcome,
        @Schema(example = "户主称月底前到营业厅缴清") @Size(max = CloseTaskRequest.MAX_NOTE) String note) {

    public static final int MAX_NOTE = 1000;
}
