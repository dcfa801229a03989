package com.gridcare.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.ProblemException;
import com.gridcare.common.RequestDates;
import com.gridcare.staff.StaffMember;
import com.gridcare.staff.StaffRole;

/**
 * What a chart is narrowed to: a district, a grid area (by code), months from and to (inclusive), a voltage class, a
 * tariff; null is "all". A supervisor's district is always theirs.
 */
public record DashboardFilter(Integer districtId, String gridArea, YearMonth from, YearMonth to, String voltageClass,
        String tariff) {

    private static final Pattern AREA = Pattern.compile("[0-9A-Za-z_-]{1,16}");
    private static final Pattern TARIFF = Pattern.compile("[A-Z0-9_]{1,24}");

    /** The query parameters as sent, checked (400 {@code invalid-request}) and scoped to {@code staff}. */
    public static DashboardFilter of(StaffMember staff, String district, String gridArea, String from, String to,
            String voltageClass, String tariff) {
        Integer districtId = blank(district) ? null : number("district", district);
        if (!blank(gridArea) && !AREA.matcher(gridArea).matches()) {
            throw new InvalidRequestException("gridArea must be a grid area code (letters, digits, - and _)");
        }
        YearMonth first = blank(from) ? null : RequestDates.month("from", from);
        YearMonth last = blank(to) ? null : RequestDates.month("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw new InvalidRequestException("from must not be after to");
        }
        if (!blank(voltageClass) && !voltageClass.equals("HV") && !voltageClass.equals("LV")) {
            throw new InvalidRequestException("voltageClass must be HV or LV");
        }
        if (!blank(tariff) && !TARIFF.matcher(tariff).matches()) {
            throw new InvalidRequestException("tariff must be a tariff code such as RES_TIERED");
        }
        if (staff.role() != StaffRole.ADMIN) {
            if (districtId != null && !districtId.equals(staff.districtId())) {
                throw new ProblemException(403, "forbidden", "Forbidden",
                        "A supervisor sees the dashboard of their own district only.");
            }
            districtId = staff.districtId();
        }
        return new DashboardFilter(districtId, blank(gridArea) ? null : gridArea, first, last,
                blank(voltageClass) ? null : voltageClass, blank(tariff) ? null : tariff);
    }

    /**
     * The SQL condition of this filter over a rollup with {@code district_id}, {@code grid_area_id},
     * {@code voltage_class}, {@code tariff_code} and the time column {@code time} (null: not filtered by time), its
     * parameters appended to {@code parameters}. Only the conditions in force are written, so each combination is a
     * statement of its own that the planner sees whole.
     */
    String where(String time, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (districtId != null) {
            parameters.add(districtId);
            conditions.add("district_id = $" + parameters.size());
        }
        if (gridArea != null) {
            parameters.add(gridArea);
            conditions.add("grid_area_id = (select id from dashboard_grid_area where code = $" + parameters.size() + ")");
        }
        if (voltageClass != null) {
            parameters.add(voltageClass);
            conditions.add("voltage_class = $" + parameters.size());
        }
        if (tariff != null) {
            parameters.add(tariff);
            conditions.add("tariff_code = $" + parameters.size());
        }
        if (time != null && from != null) {
            parameters.add(from.atDay(1));
            conditions.add(time + " >= $" + parameters.size());
        }
        if (time != null && to != null) {
            parameters.add(to.plusMonths(1).atDay(1));
            conditions.add(time + " < $" + parameters.size());
        }
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    /** The same filter reaching a year further back: the months that year-on-year figures compare with. */
    DashboardFilter withTheYearBefore() {
        return new DashboardFilter(districtId, gridArea, from == null ? null : from.minusYears(1), to, voltageClass,
                tariff);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name + " must be a whole number");
        }
    }
}
