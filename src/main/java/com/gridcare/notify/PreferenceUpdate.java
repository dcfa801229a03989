package com.gridcare.notify;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Quiet hours are given both or neither, as HH:mm in the utility's local time. */
public record PreferenceUpdate(
        @NotNull Boolean enabled,
        @Pattern(regexp = "^(WECHAT_TEMPLATE|APP_PUSH|SMS|EMAIL)$", message = "must be WECHAT_TEMPLATE, APP_PUSH, SMS or EMAIL") String preferredChannel,
        @Schema(example = "22:00") @Pattern(regexp = HH_MM, message = "must be HH:mm") String quietFrom,
        @Schema(example = "07:30") @Pattern(regexp = HH_MM, message = "must be HH:mm") String quietUntil) {

    static final String HH_MM = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
}
