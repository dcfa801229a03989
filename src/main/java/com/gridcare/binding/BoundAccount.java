package com.gridcare.binding;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of my accounts; the holder's name and address are masked as everywhere a resident reads them. */
public record BoundAccount(String accountNo, String label, @Schema(example = "张**") String holderName,
        @Schema(example = "广州市天河区****") String address, String voltageClass, String tariffCode,
        OffsetDateTime boundAt) {
}
