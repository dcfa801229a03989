package com.gridcare.staff;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Staff sign-in: the token, the console's cookie and the limits on guessing. */
@ConfigMapping(prefix = "gridcare.staff")
public interface StaffConfig {

    /** A staff token lasts one shift; signed with the residents' key, told apart from theirs by its groups. */
    @WithDefault("8h")
    Duration tokenTtl();

    /** The console keeps the staff token in this HttpOnly, SameSite=Strict cookie (mp.jwt.token.cookie). */
    @WithDefault("gridcare_staff")
    String cookieName();

    /** Secure cookies need HTTPS; only dev and tests on plain http turn this off. */
    @WithDefault("true")
    boolean cookieSecure();

    /** Wrong passwords for one staff number in {@link #signInWindow()} before that number is locked for it. */
    @WithDefault("5")
    int signInFailures();

    /** Sign-in attempts one client address may make in {@link #signInWindow()}. */
    @WithDefault("30")
    int signInsPerAddress();

    @WithDefault("15m")
    Duration signInWindow();

    /** Dev demo only: every staff member without a password gets this one at start. Never set in production. */
    Optional<String> demoPassword();
}
