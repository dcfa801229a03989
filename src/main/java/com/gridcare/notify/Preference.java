package com.gridcare.notify;

import java.time.LocalTime;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A resident's choice for one topic; topics never set show their defaults. */
public record Preference(Topic topic, boolean enabled,
        @Schema(description = "Overrides the channel gridcare would choose; null: gridcare chooses") String preferredChannel,
        @Schema(type = SchemaType.STRING, example = "22:00") @JsonFormat(pattern = "HH:mm") LocalTime quietFrom,
        @Schema(type = SchemaType.STRING, example = "07:30") @JsonFormat(pattern = "HH:mm") LocalTime quietUntil) {
}
