package com.gridcare.common;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "gridcare")
public interface GridcareConfig {

    /** The utility's own time zone: bill periods, due dates and quiet hours are local dates and times. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /**
     * Dev and test servers when none is configured: {@code auto} (tests use 127.0.0.1's PostgreSQL and Redis when
     * they answer) or {@code embedded} (always start embedded ones). Read by ops.LocalServersConfigSourceFactory.
     */
    @WithDefault("auto")
    String localServers();

    Pii pii();

    Outages outages();

    Demo demo();

    Auth auth();

    Sms sms();

    Faq faq();

    Escalation escalation();

    Staff staff();

    OutboxDispatch outbox();

    interface Pii {
        /** Salt for the one-way hash of ID-card numbers; a secret, set from the environment in production. */
        String idHashSalt();
    }

    interface Outages {
        /** How long a customer's outage answer is served from Redis: the delay before a change is seen anyway. */
        @WithDefault("60s")
        Duration cacheTtl();

        /** A Redis call slower than this is abandoned and the answer read from PostgreSQL. */
        @WithDefault("250ms")
        Duration cacheTimeout();
    }

    interface Demo {
        /** Seed an empty database with a demo utility at start (dev mode). */
        boolean seedOnStart();

        /** Size of the demo utility in customers. */
        int customers();

        long seed();
    }

    interface Auth {
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

    interface Sms {
        /**
         * Off for a utility that runs without an SMS provider: sign-in and binding by SMS code answer 503 and the outbox
         * uses other channels. On, production refuses to start without the provider's URL and key.
         */
        @WithDefault("true")
        boolean enabled();

        /** The SMS provider's HTTP API; without it, codes can only be shown (demo) and sign-in by SMS is unavailable. */
        Optional<String> baseUrl();

        /** The provider's API key, from the environment (GRIDCARE_SMS_API_KEY). */
        Optional<String> apiKey();

        /** Sign-in code template registered with the provider. */
        @WithDefault("SIGN_IN_CODE")
        String codeTemplate();

        @WithDefault("3s")
        Duration timeout();
    }

    interface Faq {
        /**
         * Below this confidence the bot does not answer with a topic: it says it is not sure, offers the two closest
         * topics and a person, and logs the question for staff. The confidence is calibrated (see faq.FaqEngine); 0.4
         * was chosen on the project's test questions, where a higher threshold turned right answers into "not sure"
         * without catching more wrong ones.
         */
        @WithDefault("0.4")
        double confidenceThreshold();

        /** Redis pub/sub channel on which an instance tells the others that the knowledge base changed. */
        @WithDefault("gridcare:faq:changed")
        String changesChannel();

        /**
         * How often each instance checks PostgreSQL for a knowledge-base change it was not told about (a pub/sub
         * message lost while Redis or the subscription was down): the longest an instance can stay behind.
         */
        @WithDefault("60s")
        Duration resyncInterval();

        /**
         * How long the bot remembers a resident's conversation after their last question (Redis, shared by every
         * instance): the recent questions an escalation carries, and the window in which two unsure answers count as
         * "in a row".
         */
        @WithDefault("30m")
        Duration conversationTtl();

        /** Questions remembered per conversation, the most recent ones. */
        @WithDefault("10")
        int conversationLength();

        /**
         * Distinct questions whose match each instance keeps until the knowledge base changes: residents ask the
         * same few questions in the same words again and again, and matching is the bot's CPU work. 0 keeps none.
         */
        @WithDefault("20000")
        int matchesKept();
    }

    interface Escalation {
        /** Working time a resident waits at most for the first staff reply (the SLA). */
        @WithDefault("15m")
        Duration firstResponse();

        /** The SLA clock runs from this local time... */
        @WithDefault("08:30")
        LocalTime workdayStart();

        /** ...to this one, every day of the week; outside it stands still. */
        @WithDefault("17:30")
        LocalTime workdayEnd();

        /**
         * How often the SLA job looks for overdue escalations (a duration, read by escalation.SlaMonitor's schedule);
         * {@code off} stops it (tests run the check themselves).
         */
        @WithDefault("60s")
        String slaCheckEvery();

        /** Escalations one resident may open in an hour: a person wants one answer, not a flood of tickets. */
        @WithDefault("10")
        int perResidentPerHour();
    }

    interface Staff {
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

    /** notify.OutboxDispatcher: how often it looks for due messages, how many it takes at once, how it retries. */
    interface OutboxDispatch {
        /** How often each instance looks for due messages (a duration); {@code off} stops it (tests drive it). */
        @WithDefault("5s")
        String interval();

        /** Messages one instance claims and sends at once; it claims again while claims come back full. */
        @WithDefault("8")
        int concurrency();

        /**
         * How long a claim holds: a message still SENDING after this (its instance stopped mid-send) is claimed again.
         * Longer than a send can take, WeChat's time-outs and retries included.
         */
        @WithDefault("2m")
        Duration lease();

        /** The wait before the second attempt; it doubles for each further one (with jitter)... */
        @WithDefault("30s")
        Duration backoffBase();

        /** ...up to this. */
        @WithDefault("30m")
        Duration backoffMax();

        /**
         * Attempts before a message is given up (DEAD). With the defaults the last comes at most about an hour after
         * the first: well inside the 24 hours in which WeChat drops a repeated template message by its client_msg_id.
         */
        @WithDefault("8")
        int maxAttempts();
    }
}
