package com.gridcare.outage;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import com.gridcare.dataset.TestUtility;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A small network of its own for outage management tests: two transformer areas in the grid area of one agent
 * (district 1), one in another agent's (district 2), each with test customers; supervisors of both districts and an
 * administrator. It also records every {@link OutageChanged} fired, as the features following outages see them.
 */
@ApplicationScoped
public class OutageFixture {

    public static final int OWNER = (int) TestUtility.FIRST_TEST_ID + 70;
    public static final int OTHER_AGENT = (int) TestUtility.FIRST_TEST_ID + 71;
    public static final int SUPERVISOR = (int) TestUtility.FIRST_TEST_ID + 72;
    public static final int OTHER_SUPERVISOR = (int) TestUtility.FIRST_TEST_ID + 73;
    /** Transformer areas: two of the owner's, one of the other agent's. */
    public static final String AREA_A = "TTA1";
    public static final String AREA_B = "TTA2";
    public static final String AREA_ELSEWHERE = "TTA3";
    /** Customers per area above. */
    public static final int IN_A = 3;
    public static final int IN_B = 2;
    public static final int ELSEWHERE = 1;

    private final TestUtility utility;
    private final TestStaff staff;
    private final StaffPasswords passwords;
    private final List<OutageChanged> fired = new CopyOnWriteArrayList<>();
    private SignedInStaff owner;
    private SignedInStaff otherAgent;
    private SignedInStaff supervisor;
    private SignedInStaff otherSupervisor;
    private SignedInStaff admin;

    public OutageFixture(TestUtility utility, TestStaff staff, StaffPasswords passwords) {
        this.utility = utility;
        this.staff = staff;
        this.passwords = passwords;
    }

    void observe(@ObservesAsync OutageChanged changed) {
        fired.add(changed);
    }

    /** The network and staff (made again after another test class regenerated the utility), no outage. */
    public synchronized void prepare() throws SQLException {
        utility.ensureGenerated();
        String ownerNo = staff.ensure(OWNER, "AGENT", 1, true);
        String otherNo = staff.ensure(OTHER_AGENT, "AGENT", 2, true);
        String supervisorNo = staff.ensure(SUPERVISOR, "SUPERVISOR", 1, false);
        String otherSupervisorNo = staff.ensure(OTHER_SUPERVISOR, "SUPERVISOR", 2, false);
        int feeder = (Integer) utility.value("select min(id) from feeder");
        area(80, AREA_A, feeder, OWNER, IN_A);
        area(81, AREA_B, feeder, OWNER, IN_B);
        area(82, AREA_ELSEWHERE, feeder, OTHER_AGENT, ELSEWHERE);
        if (owner == null) {
            owner = SignedInStaff.signIn(passwords, ownerNo);
            otherAgent = SignedInStaff.signIn(passwords, otherNo);
            supervisor = SignedInStaff.signIn(passwords, supervisorNo);
            otherSupervisor = SignedInStaff.signIn(passwords, otherSupervisorNo);
            admin = SignedInStaff.admin(staff, passwords);
        }
        fired.clear();
    }

    private void area(int offset, String code, int feeder, int gridArea, int customers) throws SQLException {
        long id = TestUtility.FIRST_TEST_ID + offset;
        utility.execute("""
                insert into transformer_area (id, code, name, feeder_id, grid_area_id, capacity_kva, latitude, longitude)
                values (?, ?, ?, ?, ?, 400, 23.100000, 113.300000)""", id, code, "测试台区" + code, feeder, gridArea);
        for (int i = 0; i < customers; i++) {
            long customer = utility.customer(TestUtility.FIRST_TEST_ID + offset * 10 + i, "RES_TIERED", "CLASSIC");
            utility.execute("update customer set feeder_id = ?, transformer_area_id = ?, grid_area_id = ? where id = ?",
                    feeder, id, gridArea, customer);
        }
    }

    /** A test customer of the transformer area with {@code code}. */
    public long customerOf(String code) throws SQLException {
        return utility.count("""
                select min(c.id) from customer c join transformer_area t on t.id = c.transformer_area_id
                 where t.code = ?""", code);
    }

    /** A SUSPECTED outage as detection opens it: one transformer area, version 1, no revision. */
    public long suspected(String areaCode, OffsetDateTime since) throws SQLException {
        long id = utility.count("""
                insert into outage (kind, status, cause, description, starts_at)
                values ('UNPLANNED', 'SUSPECTED', 'UNKNOWN', '多户报修停电', ?) returning id""", since);
        utility.execute("""
                insert into outage_scope (outage_id, transformer_area_id)
                select ?, id from transformer_area where code = ?""", id, areaCode);
        return id;
    }

    /** The events fired so far (they are asynchronous: waits up to 5 s for {@code expected} of them). */
    public List<OutageChanged> fired(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fired.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return List.copyOf(fired);
    }

    public SignedInStaff owner() {
        return owner;
    }

    public SignedInStaff otherAgent() {
        return otherAgent;
    }

    public SignedInStaff supervisor() {
        return supervisor;
    }

    public SignedInStaff otherSupervisor() {
        return otherSupervisor;
    }

    public SignedInStaff admin() {
        return admin;
    }

    /** Creates an outage through the API as {@code who}; the response for the test to check. */
    public static ValidatableResponse create(SignedInStaff who, String json) {
        return who.given().contentType(ContentType.JSON).body(json).post("/api/v1/staff/outages").then();
    }

    public static ValidatableResponse post(SignedInStaff who, long id, String step, String json) {
        return who.given().contentType(ContentType.JSON).body(json).post("/api/v1/staff/outages/" + id + "/" + step)
                .then();
    }
}
