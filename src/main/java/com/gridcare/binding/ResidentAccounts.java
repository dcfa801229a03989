package com.gridcare.binding;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.auth.BoundAccountCount;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The accounts a resident has bound, for the features that act on them (the WeChat chat, escalations, staff looking
 * at a customer): they ask here rather than read {@code account_binding} themselves.
 */
@ApplicationScoped
public class ResidentAccounts implements BoundAccountCount {

    /** Oldest binding first: the first account is the one the WeChat chat answers about. */
    private static final String BOUND = """
            select b.customer_id, c.account_no, c.address
              from account_binding b
              join customer c on c.id = b.customer_id
             where b.resident_id = $1 and b.unbound_at is null
             order by b.bound_at, b.id""";

    private static final String COUNT = """
            select count(*) from account_binding where resident_id = $1 and unbound_at is null""";

    private final Pool pool;

    public ResidentAccounts(Pool pool) {
        this.pool = pool;
    }

    /** One of a resident's accounts; the address is unmasked, for the caller to mask as its reader needs. */
    public record Account(long customerId, String accountNo, String address) {
    }

    public Uni<List<Account>> of(long residentId) {
        return of(pool, residentId);
    }

    /** On the caller's connection, so that the read can be part of its transaction. */
    public Uni<List<Account>> of(SqlClient client, long residentId) {
        return client.preparedQuery(BOUND).execute(Tuple.of(residentId)).map(rows -> {
            List<Account> accounts = new ArrayList<>();
            for (Row row : rows) {
                accounts.add(new Account(row.getLong("customer_id"), row.getString("account_no"),
                        row.getString("address")));
            }
            return accounts;
        });
    }

    @Override
    public Uni<Integer> count(long residentId) {
        return pool.preparedQuery(COUNT).execute(Tuple.of(residentId))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }
}
