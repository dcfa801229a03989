package com.gridcare.repair;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A repair ticket as the reporting resident sees it. {@code linkedOutageId} is set when the fault is an outage we
 * already know of: no crew is sent for the report itself.
 */
public record RepairTicket(String ticketNo, String accountNo, RepairStatus status, String description,
        @Schema(example = "138****5678") String contactPhone, List<String> photoUrls, Long linkedOutageId,
        OffsetDateTime createdAt, List<Step> timeline) {

    /** One step of the timeline; {@code note} is the resident's words for a follow-up report. */
    public record Step(RepairStatus status, String note, OffsetDateTime at) {
    }
}
