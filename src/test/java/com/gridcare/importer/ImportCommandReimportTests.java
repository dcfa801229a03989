package com.gridcare.importer;

import static com.gridcare.importer.ImportCommandTests.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * Running {@code import} twice on the same files. Each launch starts the application, so this test keeps the database
 * between launches, and uses account numbers of its own for every run.
 */
@QuarkusMainTest
@TestProfile(ImportCommandReimportTests.KeepDatabase.class)
class ImportCommandReimportTests {

    public static class KeepDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.clean-at-start", "false");
        }
    }

    @TempDir
    Path directory;

    @Test
    void shouldSkipFilesAlreadyImported(QuarkusMainLauncher launcher) {
        ExportFixture.validSet(directory, "R" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));

        LaunchResult first = launcher.launch("import", "--dir", directory.toString());
        LaunchResult second = launcher.launch("import", "--dir", directory.toString());

        assertEquals(0, first.exitCode(), first::getErrorOutput);
        assertContains(first.getOutput(), "customers.csv (UTF-8): 3 rows read, 3 inserted, 0 already present");
        assertEquals(0, second.exitCode(), second::getErrorOutput);
        for (String file : ExportFixture.FILES) {
            assertContains(second.getOutput(), file + ": already imported, skipped");
        }
    }
}
