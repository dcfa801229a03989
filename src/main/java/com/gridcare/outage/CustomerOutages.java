package com.gridcare.outage;

import java.util.List;

/**
 * The outages of one account: {@code current} is the outage it is in now (null if none; the latest started when
 * several overlap), {@code planned} the planned outages starting within the next 14 days, soonest first.
 */
public record CustomerOutages(OutageSummary current, List<OutageSummary> planned) {
}
