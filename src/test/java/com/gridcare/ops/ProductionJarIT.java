package com.gridcare.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The packaged jar, started as an operator would start it. */
class ProductionJarIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @Test
    void shouldRefuseToStartWithoutConfiguredServers() throws Exception {
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("GRIDCARE_"));
        builder.environment().put("GRIDCARE_PII_ID_HASH_SALT", "it-salt");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits on its own").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("gridcare needs its PostgreSQL and Redis servers configured")
                .contains("QUARKUS_DATASOURCE_REACTIVE_URL").contains("QUARKUS_REDIS_HOSTS")
                .doesNotContain("Started embedded");
    }
}
