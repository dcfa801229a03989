package com.gridcare.dashboard;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.gridcare.staff.StaffMember;

/** The filters every chart takes, as query parameters; all optional. Checked by {@link DashboardFilter#of}. */
public class ChartQuery {

    @QueryParam("district")
    @Parameter(description = "District id (admins; a supervisor's is always theirs, another is 403)", example = "3")
    String district;

    @QueryParam("gridArea")
    @Parameter(description = "Grid area code", example = "GA0042")
    String gridArea;

    @QueryParam("from")
    @Parameter(description = "First month, yyyy-MM", example = "2026-01")
    String from;

    @QueryParam("to")
    @Parameter(description = "Last month, yyyy-MM", example = "2026-10")
    String to;

    @QueryParam("voltageClass")
    @Parameter(description = "HV or LV")
    String voltageClass;

    @QueryParam("tariff")
    @Parameter(description = "Tariff code", example = "RES_TIERED")
    String tariff;

    DashboardFilter filter(StaffMember staff) {
        return DashboardFilter.of(staff, district, gridArea, from, to, voltageClass, tariff);
    }
}
