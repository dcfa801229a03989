package com.gridcare.notify;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The length is the longest address SMTP carries. */
public record ContactEmailUpdate(@Schema(example = "li.lei@example.com") @NotBlank @Email @Size(max = 254) String email) {
}
