package com.gridcare.binding;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.auth.AuthConfig;
import com.gridcare.auth.SmsCodes;
import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.PiiMasker;
import com.gridcare.common.ProblemException;
import com.gridcare.common.RateLimiter;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Binding and unbinding accounts. A bind needs proof that the resident knows the account's registered mobile; an
 * unknown account and a wrong proof are refused alike, and wrong proofs are counted per resident so that guessing
 * stops after a few tries. The limit on accounts per resident is checked with the resident's row locked, so two
 * binds at once cannot both slip under it.
 */
@ApplicationScoped
public class BindingService {

    static final String PROOF_PURPOSE = "bind";
    private static final Duration HOUR = Duration.ofHours(1);

    private static final String ACCOUNT_COLUMNS = """
            c.account_no, b.label, c.name, c.address, c.voltage_class, c.tariff_code, b.bound_at""";

    private static final String LIST = "select " + ACCOUNT_COLUMNS + """

              from account_binding b
              join customer c on c.id = b.customer_id
             where b.resident_id = $1 and b.unbound_at is null
             order by b.bound_at, b.id""";

    private static final String CUSTOMER = "select id, mobile from customer where account_no = $1";

    private static final String INSERT = """
            insert into account_binding (resident_id, customer_id, label) values ($1, $2, $3)
            on conflict (resident_id, customer_id) where unbound_at is null do update set label = coalesce(excluded.label, account_binding.label)""";

    private static final String ONE = "select " + ACCOUNT_COLUMNS + """

              from account_binding b
              join customer c on c.id = b.customer_id
             where b.resident_id = $1 and b.customer_id = $2 and b.unbound_at is null""";

    private static final String UNBIND = """
            update account_binding b set unbound_at = now()
              from customer c
             where c.id = b.customer_id and b.resident_id = $1 and c.account_no = $2 and b.unbound_at is null""";

    private final Pool pool;
    private final AccountAccess access;
    private final SmsCodes codes;
    private final RateLimiter limiter;
    private final AuthConfig config;

    public BindingService(Pool pool, AccountAccess access, SmsCodes codes, RateLimiter limiter, AuthConfig config) {
        this.pool = pool;
        this.access = access;
        this.codes = codes;
        this.limiter = limiter;
        this.config = config;
    }

    public Uni<List<BoundAccount>> accounts(long residentId) {
        return pool.preparedQuery(LIST).execute(Tuple.of(residentId))
                .map(rows -> rows.stream().map(BindingService::account).toList());
    }

    /**
     * Texts a proof code to the account's registered mobile. The answer is the same whether or not the account exists
     * or has a mobile, so it tells nothing about accounts.
     */
    public Uni<Void> sendProofCode(long residentId, String accountNo, String clientAddress) {
        return pool.preparedQuery(CUSTOMER).execute(Tuple.of(accountNo)).chain(rows -> {
            String mobile = rows.size() == 0 ? null : rows.iterator().next().getString("mobile");
            if (mobile == null) {
                return Uni.createFrom().voidItem();
            }
            return codes.send(PROOF_PURPOSE, proofSubject(residentId, accountNo), mobile, clientAddress).replaceWithVoid();
        });
    }

    public Uni<BoundAccount> bind(long residentId, BindRequest request) {
        if ((request.mobileLast4() == null) == (request.smsCode() == null)) {
            return Uni.createFrom().failure(new InvalidRequestException("give exactly one proof: mobileLast4 or smsCode"));
        }
        String failures = "binding-failures:" + residentId;
        return limiter.below(failures, config.bindingFailuresPerHour())
                .chain(allowed -> {
                    if (!allowed) {
                        throw ProblemException.tooManyRequests(
                                "Too many accounts could not be verified; please try again in an hour.");
                    }
                    return pool.preparedQuery(CUSTOMER).execute(Tuple.of(request.accountNo()));
                })
                .chain(rows -> {
                    Row customer = rows.size() == 0 ? null : rows.iterator().next();
                    return proven(residentId, request, customer).chain(proven -> {
                        if (!proven) {
                            return limiter.tryAcquire(failures, config.bindingFailuresPerHour(), HOUR)
                                    .map(ignored -> {
                                        throw new ProblemException(400, "binding-refused", "Bad Request",
                                                "The account number and the proof do not match.");
                                    });
                        }
                        return pool.withTransaction(connection -> bind(connection, residentId,
                                customer.getLong("id"), request.label()));
                    });
                });
    }

    public Uni<Void> unbind(long residentId, String accountNo) {
        return pool.preparedQuery(UNBIND).execute(Tuple.of(residentId, accountNo)).chain(rows -> {
            if (rows.rowCount() == 0) {
                throw AccountAccess.notYours();
            }
            return access.forget(residentId, accountNo);
        });
    }

    private Uni<Boolean> proven(long residentId, BindRequest request, Row customer) {
        String mobile = customer == null ? null : customer.getString("mobile");
        if (mobile == null) {
            return Uni.createFrom().item(false);
        }
        if (request.mobileLast4() != null) {
            return Uni.createFrom().item(mobile.endsWith(request.mobileLast4()));
        }
        return codes.verify(PROOF_PURPOSE, proofSubject(residentId, request.accountNo()), request.smsCode());
    }

    private Uni<BoundAccount> bind(SqlConnection connection, long residentId, long customerId, String label) {
        return connection.preparedQuery("""
                select (select count(*) from account_binding where resident_id = r.id and unbound_at is null) as bound,
                       exists (select 1 from account_binding where resident_id = r.id and customer_id = $2
                                                                and unbound_at is null) as already
                  from resident r where r.id = $1 for update""").execute(Tuple.of(residentId, customerId))
                .chain(rows -> {
                    Row state = rows.iterator().next();
                    if (!state.getBoolean("already") && state.getLong("bound") >= config.maxBoundAccounts()) {
                        throw new ProblemException(409, "binding-limit", "Conflict", "You have "
                                + config.maxBoundAccounts() + " accounts bound already; unbind one first.");
                    }
                    return connection.preparedQuery(INSERT).execute(Tuple.of(residentId, customerId, label));
                })
                .chain(() -> connection.preparedQuery(ONE).execute(Tuple.of(residentId, customerId)))
                .map(rows -> account(rows.iterator().next()));
    }

    private static String proofSubject(long residentId, String accountNo) {
        return residentId + ":" + accountNo;
    }

    private static BoundAccount account(Row row) {
        return new BoundAccount(row.getString("account_no"), row.getString("label"),
                PiiMasker.name(row.getString("name")), PiiMasker.address(row.getString("address")),
                row.getString("voltage_class"), row.getString("tariff_code"), row.getOffsetDateTime("bound_at"));
    }
}
