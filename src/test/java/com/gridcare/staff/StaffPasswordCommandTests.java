package com.gridcare.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gridcare.ops.KeepDatabaseProfile;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The administrator's way to set a console password: from a file or the terminal, never the command line. */
@QuarkusMainTest
@TestProfile(KeepDatabaseProfile.class)
class StaffPasswordCommandTests {

    @TempDir
    Path directory;

    @Test
    void shouldSetAPasswordFromAFileAndRefuseWeakOnesAndUnknownStaff(QuarkusMainLauncher launcher) throws IOException {
        assertThat(launcher.launch("generate", "--scale", "0.0003", "--seed", "5", "--as-of", "2026-11-26",
                "--restart").exitCode()).isZero();

        LaunchResult set = launch(launcher, "a long enough password", "S00001");
        assertThat(set.exitCode()).isZero();
        assertThat(set.getOutput()).contains("Password of S00001 set.");

        LaunchResult weak = launch(launcher, "short", "S00001");
        assertThat(weak.exitCode()).isEqualTo(2);
        assertThat(weak.getErrorOutput()).contains("at least 10 characters");

        LaunchResult unknown = launch(launcher, "a long enough password", "S99999");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.getErrorOutput()).contains("No active staff member S99999");
    }

    private LaunchResult launch(QuarkusMainLauncher launcher, String password, String staffNo) throws IOException {
        Path file = Files.writeString(directory.resolve(staffNo + password.length()), password + "\n",
                StandardCharsets.UTF_8);
        return launcher.launch("staff-password", "--staff-no", staffNo, "--password-file", file.toString());
    }
}
