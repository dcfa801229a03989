package com.gridcare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.gridcare.ops.KeepDatabaseProfile;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
@TestProfile(KeepDatabaseProfile.class)
class GenerateCommandTests {

    @Test
    void shouldGenerateThenRecogniseTheSameDatasetAndGuardAnother(QuarkusMainLauncher launcher) {
        LaunchResult generated = launcher.launch("generate", "--scale", "0.0003", "--seed", "5", "--as-of",
                "2026-11-26", "--restart");
        assertThat(generated.exitCode()).isZero();
        assertThat(generated.getOutput()).contains("Generating 532 customers").contains("customers")
                .containsPattern("bills\\s+[0-9,]+ rows").contains("Done:");
        assertThat(generated.getErrorOutput()).contains("100%");

        LaunchResult again = launcher.launch("generate", "--scale", "0.0003", "--seed", "5", "--as-of", "2026-11-26");
        assertThat(again.exitCode()).isZero();
        assertThat(again.getOutput()).contains("already holds this dataset");

        LaunchResult storm = launcher.launch("generate", "--scale", "0.0003", "--seed", "5", "--as-of", "2026-11-26",
                "--outage-storm", "2");
        assertThat(storm.exitCode()).isZero();
        assertThat(storm.getOutput()).contains("Published 2 current unplanned outages");

        LaunchResult other = launcher.launch("generate", "--scale", "0.0003", "--seed", "6", "--as-of", "2026-11-26");
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.getErrorOutput()).contains("seed 5").contains("--restart");
    }

    @Test
    void shouldRefuseAScaleOfZeroOrLess(QuarkusMainLauncher launcher) {
        for (String scale : new String[] { "0", "-1", "NaN" }) {
            LaunchResult result = launcher.launch("generate", "--scale", scale);
            assertThat(result.exitCode()).as(scale).isEqualTo(2);
            assertThat(result.getErrorOutput()).as(scale).contains("scale must be above 0");
        }
    }

    @Test
    void shouldRefuseUnknownAndMissingOptions(QuarkusMainLauncher launcher) {
        LaunchResult unknown = launcher.launch("generate", "--scale", "0.001", "--turbo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.getErrorOutput()).contains("Unknown option: '--turbo'");

        LaunchResult missing = launcher.launch("generate");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.getErrorOutput()).contains("Missing required option: '--scale");

        LaunchResult badDate = launcher.launch("generate", "--scale", "0.001", "--as-of", "2026-13-40");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.getErrorOutput()).contains("--as-of");

        LaunchResult lanes = launcher.launch("generate", "--scale", "0.001", "--lanes", "3");
        assertThat(lanes.exitCode()).isEqualTo(2);
        assertThat(lanes.getErrorOutput()).contains("--lanes must be 1 or 2");

        LaunchResult storm = launcher.launch("generate", "--scale", "0.001", "--outage-storm", "-1");
        assertThat(storm.exitCode()).isEqualTo(2);
        assertThat(storm.getErrorOutput()).contains("--outage-storm must be 0 or more");

        LaunchResult unknownCommand = launcher.launch("explode");
        assertThat(unknownCommand.exitCode()).isEqualTo(2);
        assertThat(unknownCommand.getErrorOutput()).contains("Unmatched argument");
    }
}
