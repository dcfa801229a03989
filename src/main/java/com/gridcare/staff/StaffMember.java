package com.gridcare.staff;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed-in staff member as their token describes them: who, in which role, for which district and grid area. */
public record StaffMember(
        int id,
        @Schema(example = "S00042") String staffNo,
        String name,
        StaffRole role,
        @Schema(description = "Null for admins") Integer districtId,
        @Schema(description = "The grid area an agent owns; null for supervisors and admins") Integer gridAreaId) {
}
