package com.gridcare.repair;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A repair ticket as staff work it. The customer's name, address and the reporter's phone are shown in full to the
 * agent whose grid area the customer is in (they send the crew), masked to anyone else. {@code nextSteps} are the
 * statuses it may move to now.
 */
public record StaffRepairTicket(String ticketNo, String accountNo, String customerName, String address,
        @Schema(example = "13812345678") String contactPhone, RepairStatus status, String description,
        List<String> photoUrls, Long linkedOutageId, String crewName, String crewContact, Integer gridAreaId,
        String gridAreaName, OffsetDateTime createdAt, OffsetDateTime updatedAt, List<RepairStatus> nextSteps,
        List<RepairTicket.Step> timeline) {
}
