package com.gridcare.outage;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outages of one account: {@code current} is the outage it is in now (null if none; the latest started when
 * several overlap), {@code planned} the planned outages starting within the next 14 days, soonest first.
 * {@code suspected} is an outage detected from neighbours' fault reports that staff are checking, when there is no
 * current one: the fault is known, but its cause and restoration are not yet.
 */
public record CustomerOutages(OutageSummary current, List<OutageSummary> planned,
        @Schema(description = "A fault reported by several customers of the area, which staff are checking; null when "
                + "there is none or a confirmed outage is current") OutageSummary suspected) {
}
