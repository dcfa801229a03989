package com.gridcare.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import io.smallrye.config.ConfigValue;

/**
 * What the production profile cannot work without, checked once before anything starts, so that a jar missing its
 * keys stops at once naming every missing setting instead of reporting ready and then failing requests with 500.
 * Operator commands ({@code generate}, {@code import}, …) only need the servers and the ID-number salt.
 */
final class ProductionSettings {

    private static final List<String> SERVERS = List.of(LocalServersConfigSourceFactory.REACTIVE_URL,
            LocalServersConfigSourceFactory.JDBC_URL, LocalServersConfigSourceFactory.REDIS_HOSTS);
    private static final String ID_HASH_SALT = "gridcare.pii.id-hash-salt";
    private static final String SMS_ENABLED = "gridcare.sms.enabled";

    /**
     * Each alternative names a setting and, after it, the inline form that may replace it. The payment callback is
     * always served, so the secret it is signed with is always needed (without it every payment reported is refused).
     */
    private static final List<List<String>> SERVICE_SETTINGS = List.of(
            List.of("smallrye.jwt.sign.key.location", "smallrye.jwt.sign.key"),
            List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey"),
            List.of("gridcare.billing.payment-callback-secret"));
    /** An SMS provider, and the secret that signs its delivery receipts. */
    private static final List<String> SMS_PROVIDER = List.of("gridcare.sms.base-url", "gridcare.sms.api-key",
            "gridcare.sms.callback-secret");
    /** A voice provider, when one is configured, needs its key and the secret that signs its result callbacks. */
    private static final String VOICE_PROVIDER = "gridcare.voice.base-url";
    private static final List<String> VOICE_SECRETS = List.of("gridcare.voice.api-key", "gridcare.voice.callback-secret");
    /** Demo conveniences that would open the service to anyone in production. */
    private static final List<String> DEMO_ONLY = List.of("gridcare.staff.demo-password");

    private ProductionSettings() {
    }

    /**
     * The problems with the configuration read by {@code value}, each naming the environment variable to set; empty
     * when the instance can start. {@code serving} is false for operator commands.
     */
    static List<String> problems(Function<String, ConfigValue> value, boolean serving) {
        Predicate<String> isSet = name -> {
            ConfigValue found = value.apply(name);
            return found != null && found.getValue() != null && !found.getValue().isBlank();
        };
        List<String> missing = new ArrayList<>();
        SERVERS.stream().filter(isSet.negate()).forEach(missing::add);
        if (!isSet.test(ID_HASH_SALT)) {
            missing.add(ID_HASH_SALT);
        }
        if (serving) {
            SERVICE_SETTINGS.stream().filter(either -> either.stream().noneMatch(isSet)).map(either -> either.get(0))
                    .forEach(missing::add);
            boolean smsEnabled = !isSet.test(SMS_ENABLED) || Boolean.parseBoolean(value.apply(SMS_ENABLED).getValue());
            if (smsEnabled) {
                SMS_PROVIDER.stream().filter(isSet.negate()).forEach(missing::add);
            }
            if (isSet.test(VOICE_PROVIDER)) {
                VOICE_SECRETS.stream().filter(isSet.negate()).forEach(missing::add);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            boolean smsMissing = missing.stream().anyMatch(SMS_PROVIDER::contains);
            problems.add("missing " + String.join(", ", missing.stream().map(ProductionSettings::environmentName).toList())
                    + (smsMissing ? " (" + environmentName(SMS_ENABLED) + "=false runs without SMS)" : ""));
        }
        DEMO_ONLY.stream().filter(isSet).forEach(name -> problems.add(
                environmentName(name) + " is for the dev demo and must not be set in production"));
        return problems;
    }

    /** The environment variable that sets a property (MicroProfile Config's rule). */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
