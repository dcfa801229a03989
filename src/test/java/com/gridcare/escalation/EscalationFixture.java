package com.gridcare.escalation;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.auth.SignedInResident;
import com.gridcare.binding.TestAccounts;
import com.gridcare.dataset.TestUtility;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** An account in a grid area and the staff around it, for escalation tests. */
@ApplicationScoped
public class EscalationFixture {

    /** The account's area and district, and staff numbers: its owner, agents elsewhere, supervisors, an admin. */
    public record Cast(TestAccounts.Account account, int gridAreaId, int districtId, String owner,
            String agentSameDistrict, String agentOtherDistrict, String supervisor, String otherSupervisor,
            String admin) {
    }

    private final TestUtility utility;
    private final TestAccounts accounts;
    private final StaffPasswords passwords;
    private final TestStaff testStaff;

    public EscalationFixture(TestUtility utility, TestAccounts accounts, StaffPasswords passwords,
            TestStaff testStaff) {
        this.utility = utility;
        this.accounts = accounts;
        this.passwords = passwords;
        this.testStaff = testStaff;
    }

    public Cast cast() throws SQLException {
        accounts.ensure();
        // the test utility's two grid areas are both in district 1: an agent elsewhere comes from the tests
        testStaff.ensure((int) TestUtility.FIRST_TEST_ID + 1, "AGENT", 2, true);
        Object[] row = utility.rows("""
                select c.account_no, c.mobile, g.id, g.district_id, s.staff_no
                  from customer c join grid_area g on g.id = c.grid_area_id join staff s on s.id = g.owner_staff_id
                 where c.mobile is not null and c.id < ? and c.voltage_class = 'LV'
                 order by random() limit 1""", TestUtility.FIRST_TEST_ID).get(0);
        int area = (Integer) row[2];
        int district = (Integer) row[3];
        return new Cast(new TestAccounts.Account((String) row[0], (String) row[1]), area, district, (String) row[4],
                staffNo("""
                        select s.staff_no from grid_area g join staff s on s.id = g.owner_staff_id
                         where g.district_id = ? and g.id <> ? order by g.id limit 1""", district, area),
                staffNo("""
                        select s.staff_no from grid_area g join staff s on s.id = g.owner_staff_id
                         where g.district_id <> ? order by g.id limit 1""", district),
                staffNo("select staff_no from staff where role = 'SUPERVISOR' and district_id = ?", district),
                staffNo("select staff_no from staff where role = 'SUPERVISOR' and district_id <> ? limit 1", district),
                staffNo("select staff_no from staff where role = 'ADMIN' limit 1"));
    }

    public SignedInStaff staff(String staffNo) {
        return SignedInStaff.signIn(passwords, staffNo);
    }

    /** The resident escalates "转人工" about the account; the response for the test to check. */
    public static ValidatableResponse escalate(SignedInResident resident, String accountNo, String question) {
        String account = accountNo == null ? "" : "\"accountNo\":\"" + accountNo + "\",";
        return resident.given().contentType(ContentType.JSON).body("""
                {%s"question": %s, "reason": "USER_REQUEST",
                 "conversation": [{"from": "RESIDENT", "text": "电费怎么这么高"},
                                  {"from": "BOT", "text": "您是想了解阶梯电价吗？", "topicId": "bill.tiered-pricing", "confidence": 0.41},
                                  {"from": "RESIDENT", "text": "转人工"}]}""".formatted(account, quote(question)))
                .post("/api/v1/escalations").then();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private String staffNo(String sql, Object... arguments) throws SQLException {
        return (String) utility.value(sql, arguments);
    }
}
