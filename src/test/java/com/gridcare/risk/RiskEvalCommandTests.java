package com.gridcare.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.ops.KeepDatabaseProfile;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code risk-eval} on a generated utility: figures for the model and the rules, on screen and as JSON. */
@QuarkusMainTest
@TestProfile(KeepDatabaseProfile.class)
class RiskEvalCommandTests {

    @TempDir
    Path directory;

    @Test
    void shouldEvaluateTheModelAgainstTheRulesOnLaterMonths(QuarkusMainLauncher launcher) throws IOException {
        assertThat(launcher.launch("generate", "--scale", "0.0005", "--seed", "11", "--as-of", "2026-11-26",
                "--restart").exitCode()).isZero();
        Path json = directory.resolve("risk.json");

        LaunchResult result = launcher.launch("risk-eval", "--train-until", "2026-07", "--json", json.toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("model (logistic, isotonic)").contains("rule: late last time")
                .contains("rule: share late so far").contains("calibration, model").contains("bills issued 2026-08");
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        JsonNode evaluation = figures.get("evaluation");
        assertThat(evaluation.at("/model/auc").asDouble()).isGreaterThan(evaluation.at("/lateLastTime/auc").asDouble());
        assertThat(evaluation.at("/model/bills").asInt()).isPositive();
        assertThat(evaluation.at("/model/calibration")).hasSize(10);
    }

    @Test
    void shouldRefuseAMalformedMonth(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("risk-eval", "--train-until", "July");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("--train-until must be a month");
    }
}
