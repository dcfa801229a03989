package com.gridcare.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The packaged jar, started as an operator would start it. */
class ProductionJarIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String REFUSAL = "gridcare cannot start in production";
    /** Everything the service needs, with servers on a port where nothing listens. */
    private static final Map<String, String> COMPLETE = Map.of(
            "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:1/gridcare",
            "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/gridcare",
            "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:1",
            "GRIDCARE_PII_ID_HASH_SALT", "it-salt",
            "SMALLRYE_JWT_SIGN_KEY_LOCATION", "dev-keys/resident-signing.pem",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "dev-keys/resident-verify.pem",
            "GRIDCARE_SMS_BASE_URL", "http://127.0.0.1:1/sms",
            "GRIDCARE_SMS_API_KEY", "it-key",
            "GRIDCARE_SMS_CALLBACK_SECRET", "it-sms-secret",
            "GRIDCARE_BILLING_PAYMENT_CALLBACK_SECRET", "it-payment-secret");

    @Test
    void shouldNameEverySettingTheServiceCannotWorkWithoutAndExit() throws Exception {
        Run run = start(Map.of("GRIDCARE_STAFF_DEMO_PASSWORD", "demo"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(REFUSAL)
                .contains("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_REDIS_HOSTS",
                        "GRIDCARE_PII_ID_HASH_SALT", "SMALLRYE_JWT_SIGN_KEY_LOCATION",
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "GRIDCARE_SMS_BASE_URL", "GRIDCARE_SMS_API_KEY",
                        "GRIDCARE_SMS_CALLBACK_SECRET", "GRIDCARE_BILLING_PAYMENT_CALLBACK_SECRET")
                .contains("GRIDCARE_STAFF_DEMO_PASSWORD is for the dev demo")
                .doesNotContain("Started embedded");
    }

    @Test
    void shouldNameOnlyTheSigningKeyWhenOnlyItIsMissing() throws Exception {
        Map<String, String> environment = new HashMap<>(COMPLETE);
        environment.remove("SMALLRYE_JWT_SIGN_KEY_LOCATION");
        Run run = start(environment);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(REFUSAL + ": missing SMALLRYE_JWT_SIGN_KEY_LOCATION.")
                .doesNotContain("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "GRIDCARE_SMS_BASE_URL");
    }

    @Test
    void shouldNeedTheVoiceProvidersSecretsOnceOneIsConfigured() throws Exception {
        Map<String, String> environment = new HashMap<>(COMPLETE);
        environment.put("GRIDCARE_VOICE_BASE_URL", "http://127.0.0.1:1/voice");
        Run run = start(environment);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .contains(REFUSAL + ": missing GRIDCARE_VOICE_API_KEY, GRIDCARE_VOICE_CALLBACK_SECRET.");
    }

    @Test
    void shouldNeedNoSmsProviderWhenSmsIsSwitchedOff() throws Exception {
        Map<String, String> environment = new HashMap<>(COMPLETE);
        environment.remove("GRIDCARE_SMS_BASE_URL");
        environment.remove("GRIDCARE_SMS_API_KEY");
        environment.remove("GRIDCARE_SMS_CALLBACK_SECRET");
        environment.put("GRIDCARE_SMS_ENABLED", "false");
        Run run = start(environment);

        // It passes the check and stops later, at the database that is not there.
        assertThat(run.output()).doesNotContain(REFUSAL).contains("127.0.0.1:1");
        assertThat(run.exitCode()).isNotZero();
    }

    @Test
    void shouldLetOperatorCommandsRunWithoutTheServiceKeys() throws Exception {
        Run run = start(Map.of(), "generate", "--scale", "0.001");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(REFUSAL).contains("QUARKUS_DATASOURCE_REACTIVE_URL")
                .doesNotContain("SMALLRYE_JWT_SIGN_KEY_LOCATION", "GRIDCARE_SMS_BASE_URL");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run start(Map<String, String> environment, String... arguments) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("GRIDCARE_")
                || name.startsWith("SMALLRYE_") || name.startsWith("MP_") || name.startsWith("WECHAT_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("exits on its own").isTrue();
        return new Run(process.exitValue(), output);
    }
}
