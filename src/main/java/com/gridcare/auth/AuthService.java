package com.gridcare.auth;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.PiiMasker;
import com.gridcare.common.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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

    /** The openid's resident, else the resident of the same person (unionid) in another of the utility's accounts. */
    private static final String WECHAT_RESIDENT = """
            select resident_id from wechat_user
             where (appid = $1 and openid = $2) or (unionid = $3 and resident_id is not null)
             order by (appid = $1 and openid = $2) desc limit 1 for update""";

    private static final String UPSERT_WECHAT_USER = """
            insert into wechat_user (appid, openid, unionid, resident_id, last_interaction_at) values ($1, $2, $3, $4, now())
            on conflict (appid, openid) do update
               set resident_id = $4, unionid = coalesce($3, wechat_user.unionid), last_interaction_at = now()""";

    private static final String RESIDENT = "select id, mobile from resident where id = $1";

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

    /**
     * Sign-in through WeChat web authorisation, once the OAuth code has been exchanged for the openid: the openid's
     * resident (one is made for a new person) gets the same kind of session as an app sign-in.
     */
    public Uni<Session> signInWithWeChat(String appid, String openid, String unionid) {
        return residentForWeChat(appid, openid, unionid).chain(this::profile).chain(tokens::issue);
    }

    /** The resident behind a WeChat follower, made for a new person; also for what a follower does in the chat. */
    public Uni<Long> residentForWeChat(String appid, String openid, String unionid) {
        return pool.withTransaction(connection -> connection.preparedQuery(WECHAT_RESIDENT)
                .execute(Tuple.of(appid, openid, unionid))
                .chain(rows -> rows.size() > 0 && rows.iterator().next().getLong(0) != null
                        ? Uni.createFrom().item(rows.iterator().next().getLong(0))
                        : connection.preparedQuery("insert into resident default values returning id").execute()
                                .map(inserted -> inserted.iterator().next().getLong(0)))
                .call(resident -> connection.preparedQuery(UPSERT_WECHAT_USER)
                        .execute(Tuple.of(appid, openid, unionid, resident))));
    }

    public Uni<Session> refresh(String refreshToken) {
        return tokens.redeem(refreshToken).chain(this::profile).chain(tokens::issue);
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
