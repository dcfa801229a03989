package com.gridcare.ops;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts the application's reactive PostgreSQL connections (the ones every request uses) behind a {@link SeverableLink}
 * to the database the tests would use anyway; Flyway's JDBC connection goes direct. Tests get the link injected.
 */
public class DatabaseBehindSeverableLink implements QuarkusTestResourceLifecycleManager {

    private SeverableLink link;

    @Override
    public Map<String, String> start() {
        URI database = URI.create(Optional.ofNullable(System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL"))
                .orElseGet(() -> LocalServersConfigSourceFactory.testPostgres(
                        !"embedded".equals(System.getenv("GRIDCARE_LOCAL_SERVERS")))
                        .get(LocalServersConfigSourceFactory.REACTIVE_URL)));
        link = new SeverableLink(database.getHost(), database.getPort());
        return Map.of(LocalServersConfigSourceFactory.REACTIVE_URL,
                "postgresql://127.0.0.1:" + link.port() + database.getPath());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(link, new TestInjector.MatchesType(SeverableLink.class));
    }

    @Override
    public void stop() {
        link.close();
    }
}
