package com.gridcare.binding;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.dataset.TestUtility;

/** Accounts of the generated test utility that a resident can bind (they have a registered mobile). */
@ApplicationScoped
public class TestAccounts {

    /** Matches the account-number pattern and is not in the generated utility. */
    public static final String UNKNOWN_ACCOUNT_NO = "0399999999";

    public record Account(String accountNo, String mobile) {
    }

    private final TestUtility utility;

    public TestAccounts(TestUtility utility) {
        this.utility = utility;
    }

    public void ensure() throws SQLException {
        utility.ensureGenerated();
    }

    public Account random() throws SQLException {
        return one("select account_no, mobile from customer where mobile is not null and id < "
                + TestUtility.FIRST_TEST_ID + " order by random() limit 1");
    }

    /** The first row's account number and mobile of a query selecting those two columns. */
    public Account one(String sql) throws SQLException {
        Object[] row = utility.rows(sql).get(0);
        return new Account((String) row[0], (String) row[1]);
    }
}
