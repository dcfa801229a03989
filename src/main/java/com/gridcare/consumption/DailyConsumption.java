package com.gridcare.consumption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A smart-meter customer's days from {@code from} to {@code to} inclusive; days not yet read are absent. */
public record DailyConsumption(LocalDate from, LocalDate to, BigDecimal totalKwh, List<DayUsage> days) {

    public record DayUsage(LocalDate day, BigDecimal kwh) {
    }
}
