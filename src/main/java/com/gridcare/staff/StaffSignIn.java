package com.gridcare.staff;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.ProblemException;
import com.gridcare.common.RateLimiter;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Staff sign-in by staff number and password. Guessing is limited twice over (Redis, shared by every instance):
 * {@code sign-in-failures} wrong passwords lock a staff number for the window, and one client address may try
 * {@code signins-per-address} times in it. An unknown number, an inactive one, one without a password and a wrong
 * password all get the same 401 after the same bcrypt work, so staff numbers cannot be probed. Every attempt is
 * audited.
 */
@ApplicationScoped
public class StaffSignIn {

    private static final String STAFF = """
            select s.id, s.staff_no, s.name, s.role, s.district_id, s.password_hash, g.id as grid_area_id
              from staff s left join grid_area g on g.owner_staff_id = s.id
             where s.staff_no = $1 and s.active""";

    /** Checked against when there is no real hash, so a missing staff member costs as much time as a wrong password. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("no such staff member", StaffPasswords.COST);

    private final Pool pool;
    private final StaffTokens tokens;
    private final StaffAudit audit;
    private final RateLimiter limiter;
    private final StaffConfig config;

    public StaffSignIn(Pool pool, StaffTokens tokens, StaffAudit audit, RateLimiter limiter, StaffConfig config) {
        this.pool = pool;
        this.tokens = tokens;
        this.audit = audit;
        this.limiter = limiter;
        this.config = config;
    }

    public Uni<StaffSession> signIn(String staffNo, String password, String clientAddress) {
        String failures = "staff-sign-in-failures:" + staffNo;
        return limiter.tryAcquire("staff-sign-in-address:" + clientAddress, config.signInsPerAddress(),
                config.signInWindow())
                .chain(allowed -> allowed ? limiter.below(failures, config.signInFailures()) : Uni.createFrom().item(false))
                .chain(allowed -> {
                    if (!allowed) {
                        return audit.record(pool, null, staffNo, StaffAudit.Action.SIGN_IN_REFUSED, null, null,
                                clientAddress).chain(() -> Uni.createFrom().<StaffSession> failure(
                                        ProblemException.tooManyRequests("Too many sign-in attempts; please try "
                                                + "again in a quarter of an hour.")));
                    }
                    return pool.preparedQuery(STAFF).execute(Tuple.of(staffNo)).chain(rows -> {
                        Row row = rows.size() == 0 ? null : rows.iterator().next();
                        boolean known = row != null && row.getString("password_hash") != null;
                        String hash = known ? row.getString("password_hash") : DECOY_HASH;
                        return Uni.createFrom().item(() -> BcryptUtil.matches(password, hash) && known)
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                                .chain(valid -> valid ? signedIn(member(row), clientAddress)
                                        : refused(staffNo, row, failures, clientAddress));
                    });
                });
    }

    private Uni<StaffSession> signedIn(StaffMember staff, String clientAddress) {
        return audit.record(pool, staff.id(), staff.staffNo(), StaffAudit.Action.SIGN_IN, null, null, clientAddress)
                .chain(() -> tokens.issue(staff));
    }

    private Uni<StaffSession> refused(String staffNo, Row row, String failures, String clientAddress) {
        return limiter.tryAcquire(failures, Integer.MAX_VALUE, config.signInWindow())
                .chain(() -> audit.record(pool, row == null ? null : row.getInteger("id"), staffNo,
                        StaffAudit.Action.SIGN_IN_REFUSED, null, null, clientAddress))
                .chain(() -> Uni.createFrom().failure(new ProblemException(401, "invalid-credentials",
                        "Unauthorized", "The staff number or password is wrong.")));
    }

    private static StaffMember member(Row row) {
        return new StaffMember(row.getInteger("id"), row.getString("staff_no"), row.getString("name"),
                StaffRole.valueOf(row.getString("role")), row.getInteger("district_id"),
                row.getInteger("grid_area_id"));
    }
}
