package com.gridcare.ops;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** For command tests that launch the application several times and need the database to survive between launches. */
public class KeepDatabaseProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.flyway.clean-at-start", "false");
    }
}
