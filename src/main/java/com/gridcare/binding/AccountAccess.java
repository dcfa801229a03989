package com.gridcare.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.gridcare.common.ProblemException;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one place that decides which accounts a resident may see: those bound to them and not unbound. Every
 * account-scoped read goes through {@link #customerIdFor}; an account that exists but is someone else's answers
 * exactly as one that does not exist (404), so account numbers cannot be probed.
 * <p>
 * It is asked on every account-scoped request, so granted accesses are kept in memory for a short while
 * ({@code quarkus.cache.caffeine.account-access}); refusals are not kept. An unbind forgets the access here at once
 * and tells the other instances over Redis pub/sub; should that message be lost, they forget it when it expires.
 */
@ApplicationScoped
public class AccountAccess {

    /** 户号 as the utility issues them: 6 to 16 digits or capital letters. */
    public static final String ACCOUNT_NO = "^[0-9A-Z]{6,16}$";

    static final String UNBOUND_CHANNEL = "gridcare:account-access:unbound";
    private static final Logger LOG = Logger.getLogger(AccountAccess.class);

    private static final String BOUND_CUSTOMER = """
            select b.customer_id
              from account_binding b
              join customer c on c.id = b.customer_id
             where b.resident_id = $1 and c.account_no = $2 and b.unbound_at is null""";

    private final Pool pool;
    private final Cache granted;
    private final ReactivePubSubCommands<String> pubsub;

    public AccountAccess(Pool pool, @CacheName("account-access") Cache granted, ReactiveRedisDataSource redis) {
        this.pool = pool;
        this.granted = granted;
        this.pubsub = redis.pubsub(String.class);
    }

    void listen(@Observes StartupEvent start) {
        pubsub.subscribe(UNBOUND_CHANNEL, key -> granted.invalidate(key).subscribe().with(ignored -> { }))
                .subscribe().with(ignored -> { }, failure -> LOG.warnf(
                        "Not listening for unbinds of other instances (accesses expire instead): %s", failure));
    }

    /** The customer behind {@code accountNo} if the resident has it bound, else a 404 problem. */
    public Uni<Long> customerIdFor(long residentId, String accountNo) {
        return granted.getAsync(key(residentId, accountNo), key -> pool.preparedQuery(BOUND_CUSTOMER)
                .execute(Tuple.of(residentId, accountNo)).map(rows -> {
                    if (rows.size() == 0) {
                        throw notYours();
                    }
                    return rows.iterator().next().getLong(0);
                }));
    }

    /** After an unbind has committed: this instance forgets at once, the others when the message reaches them. */
    Uni<Void> forget(long residentId, String accountNo) {
        String key = key(residentId, accountNo);
        return granted.invalidate(key)
                .call(() -> pubsub.publish(UNBOUND_CHANNEL, key).onFailure().recoverWithNull());
    }

    static ProblemException notYours() {
        return ProblemException.notFound("No such account among yours.");
    }

    private static String key(long residentId, String accountNo) {
        return residentId + ":" + accountNo;
    }
}
