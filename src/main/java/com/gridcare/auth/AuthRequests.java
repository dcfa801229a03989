package com.gridcare.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the sign-in endpoints. */
public final class AuthRequests {

    /** A mainland mobile number: 11 digits starting 13–19. */
    public static final String MOBILE = "^1[3-9][0-9]{9}$";
    public static final String SMS_CODE = "^[0-9]{6}$";

    private AuthRequests() {
    }

    public record SmsCodeRequest(@NotNull @Pattern(regexp = MOBILE, message = "must be an 11-digit mobile number") String mobile) {
    }

    public record SignInRequest(
            @NotNull @Pattern(regexp = MOBILE, message = "must be an 11-digit mobile number") String mobile,
            @NotNull @Pattern(regexp = SMS_CODE, message = "must be 6 digits") String code) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 64) String refreshToken) {
    }
}
