package com.gridcare.wechat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.auth.AuthService;
import com.gridcare.faq.FollowerResidents;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Followers of the official accounts ({@code wechat_user}) and the residents they are. */
@ApplicationScoped
public class WeChatUsers implements FollowerResidents {

    /** A follower who writes to us follows us: a new row starts subscribed. */
    private static final String INTERACTED = """
            insert into wechat_user (appid, openid, subscribed, last_interaction_at) values ($1, $2, true, $3)
            on conflict (appid, openid) do update
               set last_interaction_at = greatest(wechat_user.last_interaction_at, excluded.last_interaction_at)""";

    private static final String SUBSCRIBED = """
            insert into wechat_user (appid, openid, subscribed, subscribed_at) values ($1, $2, true, $3)
            on conflict (appid, openid) do update set subscribed = true, subscribed_at = excluded.subscribed_at""";

    private static final String UNSUBSCRIBED = """
            insert into wechat_user (appid, openid, subscribed, unsubscribed_at) values ($1, $2, false, $3)
            on conflict (appid, openid) do update set subscribed = false, unsubscribed_at = excluded.unsubscribed_at""";

    private static final String RESIDENT = "select resident_id from wechat_user where appid = $1 and openid = $2";

    private static final String REACHABILITY = """
            select subscribed, last_interaction_at from wechat_user where appid = $1 and openid = $2""";

    /** The openid's resident, else the resident of the same person (unionid) in another of the utility's accounts. */
    private static final String LINKED_RESIDENT = """
            select resident_id from wechat_user
             where (appid = $1 and openid = $2) or (unionid = $3 and resident_id is not null)
             order by (appid = $1 and openid = $2) desc limit 1 for update""";

    private static final String LINK = """
            insert into wechat_user (appid, openid, unionid, resident_id, last_interaction_at) values ($1, $2, $3, $4, now())
            on conflict (appid, openid) do update
               set resident_id = $4, unionid = coalesce($3, wechat_user.unionid), last_interaction_at = now()""";

    /** An openid is issued per official account: it names its account. */
    private static final String ACCOUNT_OF = "select appid from wechat_user where openid = $1 limit 1";

    private final Pool pool;
    private final AuthService auth;
    private final Duration interactionGranularity;
    /** When this instance last wrote each follower's interaction time. */
    private final Cache<String, Instant> recorded;

    public WeChatUsers(Pool pool, AuthService auth, WeChatConfig config) {
        this.pool = pool;
        this.auth = auth;
        this.interactionGranularity = config.interactionGranularity();
        this.recorded = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(interactionGranularity).build();
    }

    /**
     * The follower wrote to us (or clicked a menu button, followed, scanned): that opens WeChat's 48-hour
     * customer-service window. Written at most once per
     * {@code wechat.interaction-granularity} per follower and instance: a conversation is many messages, and a commit
     * for each was what limited the portal's throughput. The recorded time is then at most that much early, so the
     * window is judged to close a little early, never late.
     */
    public Uni<Void> messaged(String appid, String openid, Instant at) {
        String follower = appid + ":" + openid;
        Instant last = recorded.getIfPresent(follower);
        if (last != null && last.plus(interactionGranularity).isAfter(at)) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(INTERACTED).execute(Tuple.of(appid, openid, utc(at)))
                .invoke(() -> recorded.put(follower, at)).replaceWithVoid();
    }

    public Uni<Void> subscribed(String appid, String openid, Instant at) {
        return pool.preparedQuery(SUBSCRIBED).execute(Tuple.of(appid, openid, utc(at))).replaceWithVoid();
    }

    /** From now on nothing is sent to this follower until they follow again. */
    public Uni<Void> unsubscribed(String appid, String openid, Instant at) {
        recorded.invalidate(appid + ":" + openid);
        return pool.preparedQuery(UNSUBSCRIBED).execute(Tuple.of(appid, openid, utc(at))).replaceWithVoid();
    }

    /**
     * The resident behind a follower, made for a new person (auth makes the resident, in this transaction): for WeChat
     * sign-in ({@code unionid} ties one person's followers across the utility's accounts) and for a hand-over.
     */
    public Uni<Long> residentFor(String appid, String openid, String unionid) {
        return pool.withTransaction(connection -> connection.preparedQuery(LINKED_RESIDENT)
                .execute(Tuple.of(appid, openid, unionid))
                .chain(rows -> rows.size() > 0 && rows.iterator().next().getLong(0) != null
                        ? Uni.createFrom().item(rows.iterator().next().getLong(0))
                        : auth.newResident(connection))
                .call(resident -> connection.preparedQuery(LINK).execute(Tuple.of(appid, openid, unionid, resident))));
    }

    @Override
    public Uni<Long> residentFor(String appid, String openid) {
        return residentFor(appid, openid, null);
    }

    /**
     * The resident behind a follower, whose accounts the chat and the menu answer about; empty for a follower who
     * never became one (never signed in to an H5 page nor was handed to a person).
     */
    @Override
    public Uni<Optional<Long>> residentOf(String appid, String openid) {
        return pool.preparedQuery(RESIDENT).execute(Tuple.of(appid, openid)).map(rows -> rows.size() == 0
                ? Optional.empty() : Optional.ofNullable(rows.iterator().next().getLong("resident_id")));
    }

    /** The app-id of the official account {@code openid} follows (or followed); empty for an openid we never saw. */
    public Uni<Optional<String>> accountOf(String openid) {
        return pool.preparedQuery(ACCOUNT_OF).execute(Tuple.of(openid)).map(rows -> rows.size() == 0 ? Optional.empty()
                : Optional.of(rows.iterator().next().getString("appid")));
    }

    /** Empty for a follower we have never heard of. */
    public Uni<Optional<Reachability>> reachability(String appid, String openid) {
        return pool.preparedQuery(REACHABILITY).execute(Tuple.of(appid, openid)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            OffsetDateTime last = row.getOffsetDateTime("last_interaction_at");
            return Optional.of(new Reachability(row.getBoolean("subscribed"), last == null ? null : last.toInstant()));
        });
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    public record Reachability(boolean subscribed, Instant lastInteraction) {
    }
}
