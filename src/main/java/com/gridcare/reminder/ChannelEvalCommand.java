package com.gridcare.reminder;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.gridcare.notify.ContactChannel;
import com.gridcare.notify.ContactChannels;
import com.gridcare.risk.RiskScores;
import com.gridcare.risk.RiskService;

import io.quarkus.arc.Unremovable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code channel-eval}: the planner's recommender against simulated customers for a number of billing cycles, beside
 * the policies it must beat and the oracle that knows the truth. Reads the configured database (customers, their
 * history, channel costs, risk scores; it trains a risk model first when there is none, as the planner's schedule
 * would have) and writes nothing to it but that model. Exit status 0 when run, 1 when the database has no customer with
 * bills, 2 for a wrong command line or truth file (the message names the line).
 */
@Dependent
@Unremovable
@Command(name = "channel-eval", mixinStandardHelpOptions = true,
        description = "Simulates billing cycles of reminders under the learned channel recommender and other policies: "
                + "on-time rate, amount paid on time, contact cost and net value per cycle and policy.")
public class ChannelEvalCommand implements Callable<Integer> {

    private static final int LEARNED_FROM = 6;
    private static final List<String> SHOWN = List.of("learned", "oracle", "best-static", "most-engaged",
            "wechat-only", "cheapest", "random");

    private final SimulatedCustomers customers;
    private final ContactChannels channels;
    private final ReminderSettings settings;
    private final RiskScores riskScores;
    private final RiskService riskService;
    private final ObjectMapper json;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = "--cycles", defaultValue = "12", description = "Billing cycles (months) to simulate.")
    int cycles;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds the drawn truth, the bills and the luck.")
    long seed;

    @Option(names = "--truth", paramLabel = "FILE", description = "CSV of per-account truths (header account_no,"
            + "p_none,WECHAT_TEMPLATE,...,STAFF_VISIT; an empty cell: the channel does not reach the account); "
            + "accounts not in it keep the drawn truth.")
    Path truthFile;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures to this file as JSON.")
    Path jsonFile;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also draw net value per cycle and policy to this SVG.")
    Path svgFile;

    public ChannelEvalCommand(SimulatedCustomers customers, ContactChannels channels, ReminderSettings settings,
            RiskScores riskScores, RiskService riskService, ObjectMapper json, Clock clock) {
        this.customers = customers;
        this.channels = channels;
        this.settings = settings;
        this.riskScores = riskScores;
        this.riskService = riskService;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        if (cycles < 1 || cycles > 120) {
            throw new ParameterException(spec.commandLine(), "--cycles must be between 1 and 120");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (riskScores.currentModel().await().indefinitely().isEmpty()) {
            out.println("No risk model yet: training one first.");
            riskService.trainNow().await().indefinitely();
        }
        List<SimulatedCustomer> loaded = customers.load(LocalDate.now(clock));
        if (loaded.isEmpty()) {
            spec.commandLine().getErr().println("No active customer with bills in the database: nothing to simulate.");
            return ExitCode.SOFTWARE;
        }
        SimulatedTruth truth;
        try {
            truth = truthFile == null ? SimulatedTruth.drawn(loaded, seed) : SimulatedTruth.read(truthFile, loaded, seed);
        } catch (SimulatedTruth.TruthFileException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCode.USAGE;
        }
        double[] costs = new double[ContactOption.count()];
        for (ContactChannel channel : channels.all().await().indefinitely()) {
            ContactOption.of(channel.code()).ifPresent(option -> costs[option.ordinal()] =
                    channel.unitCost().doubleValue());
        }
        var simulation = new Simulation(loaded, truth, new Simulation.Settings(cycles, seed,
                settings.config().valueRate(), costs, settings.budgets(), settings.recommender()));
        long started = System.nanoTime();
        Simulation.Result result = simulation.run();
        print(out, loaded.size(), result, (System.nanoTime() - started) / 1e9);
        if (jsonFile != null) {
            write(jsonFile, result);
        }
        if (svgFile != null) {
            Files.writeString(svgFile, NetValueChart.svg(result, SHOWN));
        }
        return ExitCode.OK;
    }

    private void print(PrintWriter out, int customerCount, Simulation.Result result, double seconds) {
        out.printf("%,d customers, %d cycles, seed %d, value rate %s, truth %s; best static channel: %s (%.1f s)%n",
                customerCount, cycles, seed, settings.config().valueRate(),
                truthFile == null ? "drawn" : truthFile + " (+ drawn)", result.bestStaticChannel(), seconds);
        out.printf("%5s  %-13s %12s %9s %16s %12s %10s%n", "cycle", "policy", "net value", "on time",
                "amount on time", "cost", "contacts");
        for (Simulation.Cycle cycle : result.cycles()) {
            for (String policy : SHOWN) {
                Simulation.Figures f = cycle.policies().get(policy);
                out.printf("%5d  %-13s %12.0f %8.2f%% %16.0f %12.0f %,10d%n", cycle.cycle(), policy, f.netValue(),
                        100 * f.onTimeRate(), f.amountOnTime(), f.contactCost(), f.contacts());
            }
        }
        // the learner is judged once it had time to learn: from cycle 6 of a year's run
        int lateFrom = cycles >= LEARNED_FROM ? LEARNED_FROM : 1;
        Map<String, Double> all = totals(result, 1);
        Map<String, Double> late = totals(result, lateFrom);
        out.printf("%nnet value, cycles 1-%d and %d-%d:%n", cycles, lateFrom, cycles);
        for (String policy : SHOWN) {
            out.printf("  %-13s %14.0f %14.0f%n", policy, all.get(policy), late.get(policy));
        }
        out.printf("learned ÷ oracle, cycles %d-%d: %.1f %%%n", lateFrom, cycles,
                100 * late.get("learned") / late.get("oracle"));
        for (String rival : List.of("best-static", "most-engaged")) {
            out.printf("learned above %s, cycles 1-%d: %+.1f %%%n", rival, cycles,
                    100 * (all.get("learned") - all.get(rival)) / Math.abs(all.get(rival)));
        }
    }

    /** Net value per policy summed over cycles {@code from} to the last. */
    static Map<String, Double> totals(Simulation.Result result, int from) {
        Map<String, Double> totals = new LinkedHashMap<>();
        for (Simulation.Cycle cycle : result.cycles()) {
            if (cycle.cycle() >= from) {
                cycle.policies().forEach((policy, figures) -> totals.merge(policy, figures.netValue(), Double::sum));
            }
        }
        return totals;
    }

    private void write(Path file, Simulation.Result result) throws IOException {
        List<Map<String, Object>> cycleList = new ArrayList<>();
        for (Simulation.Cycle cycle : result.cycles()) {
            cycleList.add(Map.of("cycle", cycle.cycle(), "policies", cycle.policies()));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("seed", seed);
        document.put("valueRate", settings.config().valueRate());
        document.put("bestStaticChannel", result.bestStaticChannel());
        document.put("cycles", cycleList);
        json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }
}
