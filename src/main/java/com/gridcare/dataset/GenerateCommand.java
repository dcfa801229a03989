package com.gridcare.dataset;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.gridcare.outage.OutageSeeds;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Dependent
@Unremovable
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates a synthetic utility (customers, network, staff, readings, bills, payments) into the "
                + "configured database with COPY. Deterministic per seed and as-of day; an interrupted run resumes.")
public class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scale", required = true, description = "1.0 = 1,774,800 customers (12,900 HV), 1,638 staff.")
    double scale;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", description = "Last day of the dataset, yyyy-MM-dd (default: today).")
    LocalDate asOf;

    @Option(names = "--smart-meter-share",
            description = "Share of LV customers with daily smart-meter data (default ${DEFAULT-VALUE}).")
    double smartMeterShare = GenerationRequest.DEFAULT_SMART_METER_SHARE;

    @Option(names = "--daily-days",
            description = "Days of daily readings before the as-of day (default ${DEFAULT-VALUE}).")
    int dailyDays = GenerationRequest.DEFAULT_DAILY_DAYS;

    @Option(names = "--restart", description = "Replace whatever dataset the database holds.")
    boolean restart;

    @Option(names = "--lanes", defaultValue = "2",
            description = "Tables loaded side by side, 1 or 2 (default ${DEFAULT-VALUE}); 1 spares a busy server.")
    int lanes;

    @Option(names = "--outage-storm", paramLabel = "N",
            description = "Then publish N current unplanned outages over random transformer areas (every fifth over "
                    + "its feeder), for benchmarks; at most one per area (default none).")
    int outageStorm;

    private final DatasetGenerator generator;
    private final OutageSeeds outageSeeds;
    private final Clock clock;

    public GenerateCommand(DatasetGenerator generator, OutageSeeds outageSeeds, Clock clock) {
        this.generator = generator;
        this.outageSeeds = outageSeeds;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<DatasetGenerator.Recorded> recorded = generator.recorded();
        LocalDate day = asOf != null ? asOf
                : recorded.filter(r -> !r.complete() && r.seed() == seed && r.scale() == scale)
                        .map(DatasetGenerator.Recorded::asOf).orElse(LocalDate.now(clock));
        if (lanes < 1 || lanes > 2) {
            throw new ParameterException(spec.commandLine(), "--lanes must be 1 or 2, was " + lanes);
        }
        if (outageStorm < 0) {
            throw new ParameterException(spec.commandLine(), "--outage-storm must be 0 or more, was " + outageStorm);
        }
        GenerationRequest request;
        try {
            request = new GenerationRequest(seed, scale, day, smartMeterShare, dailyDays);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!restart) {
            if (recorded.isPresent()) {
                var r = recorded.get();
                boolean same = r.seed() == seed && r.scale() == scale && r.asOf().equals(day);
                if (same && r.complete()) {
                    out.printf("The database already holds this dataset (seed %d, scale %s, as of %s).%n", seed,
                            scale, day);
                    return storm(out);
                }
                if (!same) {
                    err.printf("The database holds a %s dataset of seed %d, scale %s, as of %s. "
                            + "Rerun with --restart to replace it.%n", r.complete() ? "complete" : "partial",
                            r.seed(), r.scale(), r.asOf());
                    return 1;
                }
                out.println("Resuming the interrupted generation after its last completed step.");
            } else if (generator.hasCustomers()) {
                err.println("The database holds customers that the generator did not make (an import?). "
                        + "Rerun with --restart to replace them.");
                return 1;
            }
        }
        out.printf("Generating %,d customers (seed %d, scale %s, as of %s)%n", request.customers(), seed, scale, day);
        out.flush();
        var outcome = generator.generate(request, restart, lanes, System.err, System.console() != null);
        outcome.rowsByStep().forEach((step, rows) -> out.printf("  %-18s %,13d rows%n", step.toLowerCase(), rows));
        out.printf("Done: %,d rows in %.1f s (%,.0f rows/s)%n", outcome.totalRows(), outcome.millis() / 1000.0,
                outcome.totalRows() * 1000.0 / Math.max(1, outcome.millis()));
        return storm(out);
    }

    /** The storm of outages asked for, over the dataset now in the database (the seed picks the areas). */
    private int storm(PrintWriter out) {
        if (outageStorm > 0) {
            long started = System.nanoTime();
            int made = outageSeeds.storm(outageStorm, seed, OffsetDateTime.now(clock)).await()
                    .atMost(Duration.ofMinutes(10));
            out.printf("Published %,d current unplanned outages (outage storm) in %.1f s%n", made,
                    (System.nanoTime() - started) / 1e9);
        }
        return 0;
    }
}
