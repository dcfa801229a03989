package com.gridcare.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class QuietHoursTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30));

    @Test
    void shouldReleaseAtOnceOutsideTheWindow() {
        var noon = ZonedDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZONE);
        assertThat(night.release(noon)).isEqualTo(noon);
    }

    @Test
    void shouldHoldOvernightMessagesUntilMorning() {
        assertThat(night.release(ZonedDateTime.of(2026, 11, 27, 23, 15, 0, 0, ZONE)))
                .isEqualTo(ZonedDateTime.of(2026, 11, 28, 7, 30, 0, 0, ZONE));
        assertThat(night.release(ZonedDateTime.of(2026, 11, 28, 3, 0, 0, 0, ZONE)))
                .isEqualTo(ZonedDateTime.of(2026, 11, 28, 7, 30, 0, 0, ZONE));
    }

    @Test
    void shouldHoldWithinADaytimeWindow() {
        var lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(lunch.release(ZonedDateTime.of(2026, 11, 27, 13, 0, 0, 0, ZONE)))
                .isEqualTo(ZonedDateTime.of(2026, 11, 27, 14, 0, 0, 0, ZONE));
        assertThat(lunch.release(ZonedDateTime.of(2026, 11, 27, 14, 0, 0, 0, ZONE)).getHour()).isEqualTo(14);
    }
}
