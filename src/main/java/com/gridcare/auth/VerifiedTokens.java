package com.gridcare.auth;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The token parser every bearer-token request goes through, remembering tokens it has verified. A resident's app
 * sends the same token with every request for half an hour, and checking its RSA signature and parsing its JSON again
 * each time was a third of the event loops' work under load (JFR, BENCHMARKS.md). A token is remembered by its exact
 * text, only after the full check passed, and never past its own expiry, so what is accepted does not change: a
 * forged, altered or expired token still goes through the full check and fails it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final DefaultJWTParser verifier;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokens(JWTAuthContextInfo contextInfo, AuthConfig config) {
        this.verifier = new DefaultJWTParser(contextInfo);
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.verifiedTokensKept())
                .expireAfter(new UntilTokenExpiry())
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken parsed = verifier.parse(token);
        verified.put(token, parsed);
        return parsed;
    }

    // The rest is not on the request path: each call is passed on to the full check, nothing is remembered.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    /**
     * An entry lives until its token's {@code exp}, read off the verified token itself, on the system clock: the one
     * the full check measures expiry by.
     */
    private static final class UntilTokenExpiry implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken parsed, long currentTime) {
            long left = Duration.ofSeconds(parsed.getExpirationTime()).minusMillis(System.currentTimeMillis()).toNanos();
            return Math.max(0, left);
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken parsed, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken parsed, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
