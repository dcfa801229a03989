package com.gridcare.staff;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.dataset.TestUtility;

/**
 * Staff made by tests beside the generated ones (the small test utility has only two agents, both in district 1):
 * ids from {@link TestUtility#FIRST_TEST_ID}, staff numbers {@code T<id>}; inserting again is a no-op, and a
 * regenerated utility takes them away with its staff.
 */
@ApplicationScoped
public class TestStaff {

    private final TestUtility utility;

    public TestStaff(TestUtility utility) {
        this.utility = utility;
    }

    /** A staff member without a password; with {@code ownsArea}, an agent owning a grid area of their district. */
    public String ensure(int id, String role, Integer districtId, boolean ownsArea) throws SQLException {
        String staffNo = "T" + id;
        utility.execute("""
                insert into staff (id, staff_no, name, mobile, role, voltage_class, district_id, active)
                values (?, ?, '测试员', '13800000000', ?, 'LV', ?, true) on conflict (id) do nothing""",
                id, staffNo, role, districtId);
        if (ownsArea) {
            utility.execute("""
                    insert into grid_area (id, code, name, district_id, voltage_class, owner_staff_id)
                    values (?, ?, '测试网格', ?, 'LV', ?) on conflict (id) do nothing""",
                    id, "GT" + id, districtId, id);
        }
        return staffNo;
    }
}
