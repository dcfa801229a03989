package com.gridcare.binding;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.gridcare.auth.AuthRequests;

/** Bind an account by its number and one proof: the registered mobile's last four digits, or a code texted to it. */
public record BindRequest(
        @NotNull @Pattern(regexp = AccountAccess.ACCOUNT_NO, message = "must be 6 to 16 digits or capital letters") String accountNo,
        @Schema(description = "Last 4 digits of the account's registered mobile") @Pattern(regexp = "^[0-9]{4}$", message = "must be 4 digits") String mobileLast4,
        @Schema(description = "Code texted to the account's registered mobile (POST .../proof-codes)") @Pattern(regexp = AuthRequests.SMS_CODE, message = "must be 6 digits") String smsCode,
        @Schema(description = "A name for it, e.g. 家, 父母家, 店铺") @Size(max = 32) String label) {
}
