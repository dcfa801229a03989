package com.gridcare.auth;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Resident sign-in: tokens, SMS codes and their limits, and how many accounts a resident may bind. */
@ConfigMapping(prefix = "gridcare.auth")
public interface AuthConfig {

    /** Who signs the resident tokens; verification checks it (mp.jwt.verify.issuer must match). */
    @WithDefault("https://gridcare/residents")
    String issuer();

    @WithDefault("30m")
    Duration accessTokenTtl();

    @WithDefault("720h")
    Duration refreshTokenTtl();

    /** Verified bearer tokens each instance remembers so as not to check the same signature again. */
    @WithDefault("50000")
    long verifiedTokensKept();

    /** An SMS code is valid this long and for one use. */
    @WithDefault("5m")
    Duration smsCodeTtl();

    /** Wrong guesses before a code is void. */
    @WithDefault("5")
    int smsCodeAttempts();

    /** At most one code per phone in this interval... */
    @WithDefault("60s")
    Duration smsCodeInterval();

    /** ...and this many per phone a day. */
    @WithDefault("10")
    int smsCodesPerPhonePerDay();

    /** Codes one client address may ask for in an hour (a whole office may sit behind one address). */
    @WithDefault("30")
    int smsCodesPerAddressPerHour();

    /** Demo and dev only: the code is returned in the response so the demo can be driven by hand. */
    @WithDefault("false")
    boolean exposeSmsCode();

    /** Accounts one resident may bind (home, parents' home, a shop…). */
    @WithDefault("5")
    int maxBoundAccounts();

    /** Wrong binding proofs a resident may give in an hour before binding is refused for the rest of it. */
    @WithDefault("5")
    int bindingFailuresPerHour();
}
