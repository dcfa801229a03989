package com.gridcare.fieldtask;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.gridcare.notify.Topic;

/**
 * A call or visit as staff see it. The customer's name, mobile and address are shown in full to the staff member whose
 * task it is (they must call or go there), masked to anyone else.
 */
public record FieldTask(long id, TaskKind kind, TaskStatus status, Topic topic, String title, String text,
        String accountNo, String customerName, String mobile, String address, Integer gridAreaId, String gridAreaName,
        @Schema(description = "Null: nobody's own (inactive owner); the district's supervisor works it")
        String assignedStaffNo, TaskOutcome outcome, String note, String closedByNo, OffsetDateTime createdAt,
        OffsetDateTime closedAt) {
}
