package com.gridcare.ops;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * Without arguments the jar runs the service; with arguments it runs an operator command ({@code generate},
 * {@code import}, …) against the configured database and exits with the command's status.
 */
@QuarkusMain
public class GridcareMain implements QuarkusApplication {

    public static void main(String... args) {
        if (args.length > 0) {
            // An operator command must not take the HTTP port of a service running beside it, nor do the service's
            // scheduled work (sending the outbox, SLA checks) while it rewrites the tables that work reads.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.scheduler.enabled", "false");
        }
        Quarkus.run(GridcareMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return new CommandLine(OperatorCommands.class, new CommandBeans()).execute(args);
    }
}
