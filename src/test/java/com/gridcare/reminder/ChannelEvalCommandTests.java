package com.gridcare.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.ops.KeepDatabaseProfile;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * {@code channel-eval} on a generated utility: every policy per cycle, on screen, as JSON and as a chart; a truth file
 * the command cannot use is refused with the line that is wrong.
 */
@QuarkusMainTest
@TestProfile(KeepDatabaseProfile.class)
class ChannelEvalCommandTests {

    private static final List<String> POLICIES = List.of("learned", "oracle", "wechat-only", "cheapest", "random",
            "best-static", "most-engaged");

    @TempDir
    static Path directory;

    @Test
    void shouldSimulateEveryPolicyPerCycleAndLetTheOracleWin(QuarkusMainLauncher launcher) throws IOException {
        assertThat(launcher.launch("generate", "--scale", "0.0005", "--seed", "11", "--as-of", "2026-11-26",
                "--restart").exitCode()).isZero();
        Path json = directory.resolve("eval.json");
        Path svg = directory.resolve("eval.svg");

        LaunchResult result = launcher.launch("channel-eval", "--cycles", "4", "--seed", "3", "--json", json.toString(),
                "--svg", svg.toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("learned ÷ oracle").contains("best static channel");
        JsonNode cycles = new ObjectMapper().readTree(json.toFile()).get("cycles");
        assertThat(cycles).hasSize(4);
        double learned = 0;
        double oracle = 0;
        double random = 0;
        for (JsonNode cycle : cycles) {
            for (String policy : POLICIES) {
                JsonNode figures = cycle.at("/policies/" + policy);
                assertThat(figures.has("netValue") && figures.has("onTimeRate") && figures.has("contactCost")
                        && figures.has("amountOnTime")).as(policy).isTrue();
                assertThat(figures.get("onTimeRate").asDouble()).isBetween(0.0, 1.0);
            }
            learned += cycle.at("/policies/learned/netValue").asDouble();
            oracle += cycle.at("/policies/oracle/netValue").asDouble();
            random += cycle.at("/policies/random/netValue").asDouble();
        }
        assertThat(oracle).as("the oracle knows the truth").isGreaterThanOrEqualTo(learned).isGreaterThan(random);
        assertThat(learned).as("the learner weighs cost; random does not").isGreaterThan(random);
        assertThat(Files.readString(svg)).startsWith("<svg").contains("learned").contains("polyline");

        Path truth = directory.resolve("truth.csv");
        Files.writeString(truth, String.join(",", SimulatedTruth.HEADER) + "\nNOSUCH,0.9,0.1,,,,,,,0.5\n");
        LaunchResult unknownAccount = launcher.launch("channel-eval", "--cycles", "1", "--truth", truth.toString());
        assertThat(unknownAccount.exitCode()).isEqualTo(2);
        assertThat(unknownAccount.getErrorOutput()).contains("line 2").contains("unknown account NOSUCH");
    }

    @Test
    void shouldRefuseATruthFileWithAnUnknownColumnOrABadProbability(QuarkusMainLauncher launcher) throws IOException {
        assertThat(launcher.launch("generate", "--scale", "0.0005", "--seed", "11", "--as-of", "2026-11-26")
                .exitCode()).isZero();
        Path columns = directory.resolve("columns.csv");
        Files.writeString(columns, "account_no,p_none,WECHAT_TEMPLATE,PIGEON\n");
        LaunchResult unknownColumn = launcher.launch("channel-eval", "--truth", columns.toString());
        assertThat(unknownColumn.exitCode()).isEqualTo(2);
        assertThat(unknownColumn.getErrorOutput()).contains("line 1").contains("unknown column PIGEON");

        Path probability = directory.resolve("probability.csv");
        Files.writeString(probability, String.join(",", SimulatedTruth.HEADER) + "\nX,1.5,0.1,,,,,,,0.5\n");
        LaunchResult outOfRange = launcher.launch("channel-eval", "--truth", probability.toString());
        assertThat(outOfRange.exitCode()).isEqualTo(2);
        assertThat(outOfRange.getErrorOutput()).contains("line 2").contains("p_none = 1.5 is not a probability");

        assertThat(launcher.launch("channel-eval", "--cycles", "0").exitCode()).isEqualTo(2);
    }
}
