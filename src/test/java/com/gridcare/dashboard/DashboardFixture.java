package com.gridcare.dashboard;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.dataset.TestUtility;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

/**
 * The small generated utility with something for every chart: its bills and payments as generated, plus an outage
 * restored an hour after it began over the first transformer area of district 1, and escalations in a grid area of
 * district 1 (one answered in time and rated, one late). Staff: supervisors of districts 1 and 2, an agent and an
 * administrator. The rollups are refreshed through the API at the end, as an administrator would.
 */
@ApplicationScoped
public class DashboardFixture {

    public static final int SUPERVISOR = (int) TestUtility.FIRST_TEST_ID + 160;
    public static final int OTHER_SUPERVISOR = (int) TestUtility.FIRST_TEST_ID + 161;
    public static final int AGENT = (int) TestUtility.FIRST_TEST_ID + 162;
    public static final long OUTAGE = TestUtility.FIRST_TEST_ID + 160;
    public static final long ESCALATION = TestUtility.FIRST_TEST_ID + 160;
    /** When the outage began (restored an hour later): two days before the as-of day. */
    public static final OffsetDateTime OUTAGE_START = TestUtility.AS_OF.minusDays(2).atTime(8, 0)
            .atOffset(ZoneOffset.ofHours(8));

    private final TestUtility utility;
    private final TestStaff staff;
    private final StaffPasswords passwords;
    private SignedInStaff supervisor;
    private SignedInStaff otherSupervisor;
    private SignedInStaff agent;
    private SignedInStaff admin;

    public DashboardFixture(TestUtility utility, TestStaff staff, StaffPasswords passwords) {
        this.utility = utility;
        this.staff = staff;
        this.passwords = passwords;
    }

    public synchronized void prepare() throws SQLException {
        utility.ensureGenerated();
        String supervisorNo = staff.ensure(SUPERVISOR, "SUPERVISOR", 1, false);
        String otherSupervisorNo = staff.ensure(OTHER_SUPERVISOR, "SUPERVISOR", 2, false);
        String agentNo = staff.ensure(AGENT, "AGENT", 1, true);
        utility.execute("""
                insert into outage (id, kind, status, cause, description, starts_at, estimated_restore_at, restored_at,
                                    published_at)
                values (?, 'UNPLANNED', 'RESTORED', 'EQUIPMENT_FAILURE', '变压器故障', ?, ?, ?, ?)""",
                OUTAGE, OUTAGE_START, OUTAGE_START.plusHours(2), OUTAGE_START.plusHours(1), OUTAGE_START);
        utility.execute("""
                insert into outage_scope (outage_id, transformer_area_id)
                select ?, min(t.id) from transformer_area t join grid_area g on g.id = t.grid_area_id
                 where g.district_id = 1 and t.id < ?""", OUTAGE, TestUtility.FIRST_TEST_ID);
        utility.execute("delete from escalation where id in (?, ?)", ESCALATION, ESCALATION + 1);
        utility.execute("""
                insert into escalation (id, customer_id, grid_area_id, channel, reason, status, due_at,
                                        first_response_at, rating, created_at, updated_at, question)
                select ?, c.id, c.grid_area_id, 'APP', 'USER_REQUEST', 'RESOLVED', ?, ?, 4, ?, ?, '电费怎么这么高'
                  from customer c join grid_area g on g.id = c.grid_area_id
                 where g.district_id = 1 order by c.id limit 1""",
                ESCALATION, OUTAGE_START.plusMinutes(15), OUTAGE_START.plusMinutes(5), OUTAGE_START, OUTAGE_START);
        utility.execute("""
                insert into escalation (id, customer_id, grid_area_id, channel, reason, status, due_at,
                                        first_response_at, created_at, updated_at, question)
                select ?, c.id, c.grid_area_id, 'WECHAT', 'USER_REQUEST', 'REPLIED', ?, ?, ?, ?, '什么时候来电'
                  from customer c join grid_area g on g.id = c.grid_area_id
                 where g.district_id = 1 order by c.id limit 1""",
                ESCALATION + 1, OUTAGE_START.plusMinutes(15), OUTAGE_START.plusMinutes(40), OUTAGE_START,
                OUTAGE_START);
        if (admin == null) {
            supervisor = SignedInStaff.signIn(passwords, supervisorNo);
            otherSupervisor = SignedInStaff.signIn(passwords, otherSupervisorNo);
            agent = SignedInStaff.signIn(passwords, agentNo);
            admin = SignedInStaff.admin(staff, passwords);
        }
        admin.given().post("/api/v1/staff/dashboard/refresh").then().statusCode(200);
    }

    public SignedInStaff supervisor() {
        return supervisor;
    }

    public SignedInStaff otherSupervisor() {
        return otherSupervisor;
    }

    public SignedInStaff agent() {
        return agent;
    }

    public SignedInStaff admin() {
        return admin;
    }

    public TestUtility utility() {
        return utility;
    }
}
