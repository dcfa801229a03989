package com.gridcare.binding;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one place that decides which accounts a resident may see: those bound to them and not unbound. Every
 * account-scoped read goes through {@link #customerIdFor}; an account that exists but is someone else's answers
 * exactly as one that does not exist (404), so account numbers cannot be probed.
 */
@ApplicationScoped
public class AccountAccess {

    /** 户号 as the utility issues them: 6 to 16 digits or capital letters. */
    public static final String ACCOUNT_NO = "^[0-9A-Z]{6,16}$";

    private static final String BOUND_CUSTOMER = """
            select b.customer_id
              from account_binding b
              join customer c on c.id = b.customer_id
             where b.resident_id = $1 and c.account_no = $2 and b.unbound_at is null""";

    private final Pool pool;

    public AccountAccess(Pool pool) {
        this.pool = pool;
    }

    /** The customer behind {@code accountNo} if the resident has it bound, else a 404 problem. */
    public Uni<Long> customerIdFor(long residentId, String accountNo) {
        return pool.preparedQuery(BOUND_CUSTOMER).execute(Tuple.of(residentId, accountNo)).map(rows -> {
            if (rows.size() == 0) {
                throw notYours();
            }
            return rows.iterator().next().getLong(0);
        });
    }

    static ProblemException notYours() {
        return ProblemException.notFound("No such account among yours.");
    }
}
