package com.gridcare.staff;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Setting staff passwords, which only an administrator does, from the command line ({@code staff-password}): bcrypt
 * at cost {@value #COST}, about 0.1 s a hash, cheap for one sign-in and dear for a guesser. Blocking JDBC: the
 * callers are a CLI command and the dev demo's start-up, never a request.
 */
@ApplicationScoped
public class StaffPasswords {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; a longer password would only seem stronger. */
    public static final int MAX_LENGTH = 72;
    static final int COST = 11;

    private final DataSource dataSource;
    private final Clock clock;

    public StaffPasswords(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Why the password cannot be used, or null when it can. */
    public static String weakness(String password) {
        if (password.length() < MIN_LENGTH) {
            return "a password needs at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return "a password may have at most " + MAX_LENGTH + " bytes";
        }
        return null;
    }

    /** Sets the password of an active staff member; false when there is no such staff number. */
    public boolean set(String staffNo, String password) throws SQLException {
        String weakness = weakness(password);
        if (weakness != null) {
            throw new IllegalArgumentException(weakness);
        }
        try (Connection connection = dataSource.getConnection(); var update = connection.prepareStatement(
                "update staff set password_hash = ?, password_set_at = ? where staff_no = ? and active")) {
            update.setString(1, BcryptUtil.bcryptHash(password, COST));
            update.setObject(2, OffsetDateTime.now(clock));
            update.setString(3, staffNo);
            return update.executeUpdate() == 1;
        }
    }

    /** The first staff number of each role, for the dev demo's start-up message. */
    public String firstOfEachRole() throws SQLException {
        StringBuilder found = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "select distinct on (role) staff_no, role from staff where active order by role, id");
                var rows = query.executeQuery()) {
            while (rows.next()) {
                found.append(found.isEmpty() ? "" : ", ").append(rows.getString(1)).append(" (")
                        .append(rows.getString(2).toLowerCase()).append(')');
            }
        }
        return found.toString();
    }

    /** Dev demo: one hash shared by every staff member who has no password yet; returns how many got it. */
    public int setMissing(String password) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var update = connection.prepareStatement(
                "update staff set password_hash = ?, password_set_at = ? where password_hash is null")) {
            update.setString(1, BcryptUtil.bcryptHash(password, COST));
            update.setObject(2, OffsetDateTime.now(clock));
            return update.executeUpdate();
        }
    }
}
