package com.gridcare.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.ProblemException;
import com.gridcare.common.Sha256;
import com.gridcare.identity.CurrentResident;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Issues resident sessions: an RS256 JWT (subject = resident id, group {@code resident}) that every instance verifies
 * with the public key alone, and an opaque refresh token kept in Redis as a digest. Refreshing consumes the old
 * refresh token (GETDEL), so a stolen one is good once at most and signing out is deleting it.
 */
@ApplicationScoped
public class ResidentTokens {

    private static final String PREFIX = "refresh-token:";

    private final SecureRandom random = new SecureRandom();
    private final ReactiveValueCommands<String, Long> refreshTokens;
    private final AuthConfig config;

    public ResidentTokens(ReactiveRedisDataSource redis, AuthConfig config) {
        this.refreshTokens = redis.value(Long.class);
        this.config = config;
    }

    /** Signing reads the key and does RSA arithmetic: deliberately on a worker thread, not the event loop. */
    public Uni<Session> issue(ResidentProfile resident) {
        String refreshToken = newRefreshToken();
        Uni<String> accessToken = Uni.createFrom().item(() -> Jwt.issuer(config.issuer())
                .subject(String.valueOf(resident.id()))
                .groups(Set.of(CurrentResident.ROLE))
                .expiresIn(config.accessTokenTtl())
                .sign()).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return refreshTokens.set(PREFIX + Sha256.hex(refreshToken), resident.id(), new SetArgs().px(config.refreshTokenTtl()))
                .onFailure().transform(ProblemException::unavailableUnlessProblem)
                .chain(() -> accessToken)
                .map(token -> new Session(token, "Bearer", config.accessTokenTtl().toSeconds(), refreshToken,
                        config.refreshTokenTtl().toSeconds(), resident));
    }

    /** The resident a refresh token was issued to; the token is used up. */
    public Uni<Long> redeem(String refreshToken) {
        return refreshTokens.getdel(PREFIX + Sha256.hex(refreshToken))
                .onFailure().transform(ProblemException::unavailableUnlessProblem)
                .map(resident -> {
                    if (resident == null) {
                        throw new ProblemException(401, "invalid-refresh-token", "Unauthorized",
                                "The refresh token is unknown, used or expired; please sign in again.");
                    }
                    return resident;
                });
    }

    public Uni<Void> revoke(String refreshToken) {
        return refreshTokens.getdel(PREFIX + Sha256.hex(refreshToken)).replaceWithVoid()
                .onFailure().transform(ProblemException::unavailableUnlessProblem);
    }

    private String newRefreshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
