package com.gridcare.outage;

import java.time.OffsetDateTime;
import java.util.List;

/** A published outage with the parts of the network it covers: whole feeders and single transformer areas. */
public record OutageDetail(
        long id,
        String kind,
        boolean current,
        String cause,
        String description,
        OffsetDateTime startsAt,
        OffsetDateTime estimatedRestoreAt,
        OffsetDateTime publishedAt,
        List<Area> areas) {

    /** {@code type} is FEEDER (everyone on the 10 kV line) or TRANSFORMER_AREA (台区). */
    public record Area(String type, String code, String name) {
    }
}
