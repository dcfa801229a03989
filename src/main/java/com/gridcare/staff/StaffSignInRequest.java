package com.gridcare.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record StaffSignInRequest(
        @NotNull @Pattern(regexp = "^[0-9A-Z]{1,16}$", message = "must be a staff number") String staffNo,
        @NotBlank @Size(max = StaffPasswords.MAX_LENGTH) String password) {
}
