package com.gridcare.escalation;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An escalation as staff see it. Who the resident is (name, mobile, address) is shown in full only to the staff member
 * who has claimed it, who must be able to call back; everyone else sees it masked, whatever their rank.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StaffEscalation(
        long id,
        EscalationStatus status,
        EscalationReason reason,
        @Schema(enumeration = { "WECHAT", "APP" }) String channel,
        String question,
        OffsetDateTime createdAt,
        @Schema(description = "First response due (SLA)") OffsetDateTime dueAt,
        boolean overdue,
        Integer rating,
        String accountNo,
        String customerName,
        @Schema(description = "The resident's mobile, masked unless I claimed the escalation") String contactMobile,
        String address,
        Integer gridAreaId,
        String gridAreaName,
        @Schema(description = "Whose queue it is in; null for the general queue") String assignedStaffNo,
        String claimedByStaffNo,
        String claimedByName,
        @Schema(description = "Detail only") List<Turn> conversation,
        @Schema(description = "Detail only") List<Reply> replies) {
}
