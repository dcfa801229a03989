package com.gridcare.dataset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What an operator sees of the loaded dataset: how it was made and how big each table is. */
public record DatasetStatus(
        @JsonInclude(JsonInclude.Include.NON_NULL) Generation generation,
        List<Step> steps,
        Map<String, Long> estimatedRows) {

    public record Generation(long seed, BigDecimal scale, LocalDate asOf, String status, OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {
    }

    public record Step(String step, long rows, long copyMillis, long millis, OffsetDateTime completedAt) {
    }
}
