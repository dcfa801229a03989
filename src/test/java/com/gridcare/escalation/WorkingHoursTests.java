package com.gridcare.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class WorkingHoursTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final WorkingHours HOURS = new WorkingHours(LocalTime.of(8, 30), LocalTime.of(17, 30));

    @Test
    void shouldAddWorkingTimeWithinTheDay() {
        assertThat(due("2026-11-26T10:00", 15)).isEqualTo(at("2026-11-26T10:15"));
        assertThat(due("2026-11-26T17:15", 15)).isEqualTo(at("2026-11-26T17:30"));
    }

    @Test
    void shouldCarryTheRestOverToTheNextMorning() {
        assertThat(due("2026-11-26T17:25", 15)).isEqualTo(at("2026-11-27T08:40"));
        assertThat(due("2026-11-26T23:00", 15)).isEqualTo(at("2026-11-27T08:45"));
        assertThat(due("2026-11-26T06:00", 15)).isEqualTo(at("2026-11-26T08:45"));
        assertThat(due("2026-11-26T17:30", 15)).isEqualTo(at("2026-11-27T08:45"));
        assertThat(due("2026-11-26T12:00", 60 * 20)).isEqualTo(at("2026-11-28T14:00"));
    }

    @Test
    void shouldRefuseADayThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new WorkingHours(LocalTime.of(18, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ZonedDateTime due(String from, int minutes) {
        return HOURS.plus(at(from), Duration.ofMinutes(minutes));
    }

    private static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE);
    }
}
