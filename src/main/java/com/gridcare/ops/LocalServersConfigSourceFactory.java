package com.gridcare.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * Points the dev and test profiles at database and Redis servers when none is configured, so that a machine with only
 * a JDK and Maven can run the service and its tests.
 * <ul>
 * <li>An explicit {@code quarkus.datasource.reactive.url} / {@code quarkus.redis.hosts} (e.g. from the environment)
 * always wins.</li>
 * <li>Tests use the PostgreSQL {@code test} database and Redis on 127.0.0.1 when those ports answer, else embedded
 * servers; {@code GRIDCARE_LOCAL_SERVERS=embedded} makes them use embedded servers regardless, as on a machine with
 * only a JDK. {@code gridcare.local-servers} is {@code auto} (the default) or {@code embedded}; it is read here by
 * name, with no mapping, because configuration mappings do not exist yet while configuration sources are made.</li>
 * <li>Dev mode always starts embedded servers, so a developer's real databases are never touched by accident.</li>
 * </ul>
 * The production profile is left alone: the embedded servers are not even on its class path (Maven scope
 * {@code provided}), and it refuses to start without real servers.
 */
public class LocalServersConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(LocalServersConfigSourceFactory.class);
    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String REDIS_HOSTS = "quarkus.redis.hosts";
    private static final int ORDINAL = 240; // below application.properties (250): explicit settings win

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean test = profiles.contains("test");
        boolean dev = profiles.contains("dev");
        if (!test && !dev) {
            // the build reads configuration too, under the prod profile; only a starting application must have servers
            if (ExecutionMode.current() == ExecutionMode.RUNTIME_INIT) {
                requireProductionSettings(context);
            }
            return List.of();
        }
        ConfigValue mode = context.getValue("gridcare.local-servers");
        boolean probeLocal = test && (mode == null || !"embedded".equals(mode.getValue()));
        Map<String, String> properties = new HashMap<>();
        if (!isSet(context, REACTIVE_URL)) {
            properties.putAll(testPostgres(probeLocal));
        }
        if (!isSet(context, REDIS_HOSTS)) {
            properties.put(REDIS_HOSTS, probeLocal && portAnswers(6379) ? "redis://127.0.0.1:6379" : EmbeddedServers.redis());
        }
        if (!properties.isEmpty()) {
            LOG.infof("Using %s and %s", properties.getOrDefault(JDBC_URL, "configured PostgreSQL"),
                    properties.getOrDefault(REDIS_HOSTS, "configured Redis"));
        }
        return List.of(new PropertiesConfigSource(properties, "gridcare-local-servers", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }

    /**
     * Production never falls back to an embedded or guessed server, nor starts without its keys: it names everything
     * that is missing at once and stops.
     */
    private static void requireProductionSettings(ConfigSourceContext context) {
        boolean serving = !"false".equals(valueOf(context, "quarkus.http.host-enabled"));
        List<String> problems = ProductionSettings.problems(context::getValue, serving);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("gridcare cannot start in production: " + String.join("; ", problems)
                    + ". Embedded servers and the throwaway keys exist only in dev mode (./mvnw quarkus:dev) and tests.");
        }
    }

    private static String valueOf(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /** The local server's {@code test} database when probing finds one, else the embedded server's. */
    static Map<String, String> testPostgres(boolean probeLocal) {
        return probeLocal && portAnswers(5432) ? EmbeddedServers.datasource("127.0.0.1", 5432, "test")
                : EmbeddedServers.postgres();
    }

    private static boolean portAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts the embedded servers once per JVM. Quarkus builds its configuration in a new class loader for every test
     * application and every dev-mode reload, so static fields would not be shared: the running servers' ports are
     * kept in system properties, which every class loader sees.
     */
    static final class EmbeddedServers {
        private static final String POSTGRES_PORT = "gridcare-embedded-servers.postgres-port";
        private static final String REDIS_PORT = "gridcare-embedded-servers.redis-port";

        static Map<String, String> postgres() {
            synchronized (System.getProperties()) {
                String port = System.getProperty(POSTGRES_PORT);
                if (port == null) {
                    try {
                        var server = EmbeddedPostgres.builder()
                                .setServerConfig("max_connections", "200")
                                .setServerConfig("fsync", "off")
                                .start();
                        port = Integer.toString(server.getPort());
                        System.setProperty(POSTGRES_PORT, port);
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server)));
                        LOG.infof("Started embedded PostgreSQL on port %s", port);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
                    }
                }
                return datasource("127.0.0.1", Integer.parseInt(port), "postgres");
            }
        }

        static String redis() {
            synchronized (System.getProperties()) {
                String port = System.getProperty(REDIS_PORT);
                if (port == null) {
                    try {
                        int free = freePort();
                        var server = RedisServer.newRedisServer().bind("127.0.0.1").port(free)
                                .setting("save \"\"").setting("appendonly no").build();
                        server.start();
                        port = Integer.toString(free);
                        System.setProperty(REDIS_PORT, port);
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            try {
                                server.stop();
                            } catch (IOException ignored) {
                                // the JVM is exiting; the child process dies with it
                            }
                        }));
                        LOG.infof("Started embedded Redis on port %s", port);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not start embedded Redis", e);
                    }
                }
                return "redis://127.0.0.1:" + port;
            }
        }

        static Map<String, String> datasource(String host, int port, String database) {
            return Map.of(
                    REACTIVE_URL, "postgresql://" + host + ":" + port + "/" + database,
                    JDBC_URL, "jdbc:postgresql://" + host + ":" + port + "/" + database,
                    "quarkus.datasource.username", "postgres");
        }

        private static int freePort() throws IOException {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        private static void closeQuietly(AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
        }
    }
}
