package com.gridcare.auth;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.PiiMasker;
import com.gridcare.common.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Resident sign-in by mobile and SMS code. A mobile seen for the first time becomes a resident; the same mobile is
 * the same resident from then on, whichever app or page signs in.
 */
@ApplicationScoped
public class AuthService {

    static final String SIGN_IN = "sign-in";

    private static final String UPSERT_RESIDENT = """
            insert into resident (mobile) values ($1)
            on conflict (mobile) do update set mobile = excluded.mobile
            returning id, mobile""";

    private static final String RESIDENT = "select id, mobile from resident where id = $1";

    private static final String NEW_RESIDENT = "insert into resident default values returning id";

    private final Pool pool;
    private final SmsCodes codes;
    private final ResidentTokens tokens;
    private final BoundAccountCount boundAccounts;
    private final AuthConfig config;

    public AuthService(Pool pool, SmsCodes codes, ResidentTokens tokens, BoundAccountCount boundAccounts,
            AuthConfig config) {
        this.pool = pool;
        this.codes = codes;
        this.tokens = tokens;
        this.boundAccounts = boundAccounts;
        this.config = config;
    }

    public Uni<SmsCodeSent> sendSignInCode(String mobile, String clientAddress) {
        return codes.send(SIGN_IN, mobile, mobile, clientAddress).map(code -> new SmsCodeSent(
                config.smsCodeTtl().toSeconds(), config.exposeSmsCode() ? code : null));
    }

    public Uni<Session> signIn(String mobile, String code) {
        return codes.verify(SIGN_IN, mobile, code).chain(valid -> {
            if (!valid) {
                throw new ProblemException(401, "invalid-sms-code", "Unauthorized",
                        "The code is wrong or has expired; ask for a new one.");
            }
            return pool.preparedQuery(UPSERT_RESIDENT).execute(Tuple.of(mobile));
        }).chain(rows -> {
            Row resident = rows.iterator().next();
            return boundAccounts.count(resident.getLong("id")).map(bound -> profile(resident, bound));
        }).chain(tokens::issue);
    }

    /** A session for a resident another front end has identified (WeChat web authorisation: wechat.signin). */
    public Uni<Session> sessionFor(long residentId) {
        return profile(residentId).chain(tokens::issue);
    }

    /**
     * A new resident without a mobile yet, on the caller's connection so that it commits with what links it (a WeChat
     * follower, whose table wechat owns).
     */
    public Uni<Long> newResident(SqlClient connection) {
        return connection.preparedQuery(NEW_RESIDENT).execute().map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Session> refresh(String refreshToken) {
        return tokens.redeem(refreshToken).chain(this::sessionFor);
    }

    public Uni<Void> signOut(String refreshToken) {
        return tokens.revoke(refreshToken);
    }

    public Uni<ResidentProfile> profile(long residentId) {
        return pool.preparedQuery(RESIDENT).execute(Tuple.of(residentId)).chain(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("No such resident.");
            }
            Row resident = rows.iterator().next();
            return boundAccounts.count(residentId).map(bound -> profile(resident, bound));
        });
    }

    private static ResidentProfile profile(Row resident, int boundAccounts) {
        return new ResidentProfile(resident.getLong("id"), PiiMasker.mobile(resident.getString("mobile")),
                boundAccounts);
    }
}
