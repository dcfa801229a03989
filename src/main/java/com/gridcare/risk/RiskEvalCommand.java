package com.gridcare.risk;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.gridcare.common.ProblemException;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code risk-eval}: trains the risk model on bills issued up to a month (its last validation months choose the
 * hyper-parameters and the calibration) and measures it on the later months, beside the rules it must beat. Stores
 * nothing. Exit status 0 when evaluated, 1 when the database holds too little history, 2 for a wrong command line.
 */
@Dependent
@Unremovable
@Command(name = "risk-eval", mixinStandardHelpOptions = true,
        description = "Evaluates the fee-recovery risk model on later months than it was trained on: AUC, Brier score "
                + "and calibration, beside the rule \"late last time → risky\".")
public class RiskEvalCommand implements Callable<Integer> {

    private final RiskService service;
    private final RiskConfig config;
    private final ObjectMapper json;

    @Spec
    CommandSpec spec;

    @Option(names = "--train-until", paramLabel = "yyyy-MM",
            description = "Last month of issue that trains (and validates); later ones test. Default: all but the "
                    + "last gridcare.risk.test-months months with known outcomes.")
    String trainUntil;

    @Option(names = "--test-until", paramLabel = "yyyy-MM",
            description = "Last month of issue that tests. Default: every later month with known outcomes. Set it to "
                    + "tune on earlier months and keep the latest ones for the report.")
    String testUntil;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures to this file as JSON.")
    Path jsonFile;

    public RiskEvalCommand(RiskService service, RiskConfig config, ObjectMapper json) {
        this.service = service;
        this.config = config;
        this.json = json;
    }

    @Override
    public Integer call() throws SQLException, IOException {
        Optional<YearMonth> until = month("--train-until", trainUntil);
        Optional<YearMonth> testsUntil = month("--test-until", testUntil);
        if (until.isPresent() && testsUntil.isPresent() && !testsUntil.get().isAfter(until.get())) {
            throw new ParameterException(spec.commandLine(), "--test-until must come after --train-until");
        }
        long started = System.nanoTime();
        RiskService.Run run;
        try {
            run = service.evaluate(until, testsUntil);
        } catch (ProblemException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCode.SOFTWARE;
        }
        long totalMillis = (System.nanoTime() - started) / 1_000_000;
        RiskEvaluation evaluation = RiskEvaluation.of(run.trained());
        RiskDataset data = run.data();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("accounts: every %d%s (gridcare.risk.sample-bills=%d); outcomes known until %s%n", run.everyNth(),
                suffix(run.everyNth()), config.sampleBills(), run.window().horizon());
        out.printf("train:      %,8d bills issued %s .. %s%n", data.training.size(), data.trainingPart.firstIssued,
                data.trainingPart.lastIssued);
        out.printf("validation: %,8d bills issued %s .. %s (chose learning rate %s, %d epochs; isotonic calibration of "
                + "%d steps)%n", data.validation.size(), data.validation.firstIssued, data.validation.lastIssued,
                evaluation.learningRate(), evaluation.epochs(), run.trained().model().calibration().raw().length);
        run.trained().tried().forEach(candidate -> out.printf("              learning rate %-5s %2d epochs: AUC %.4f%n",
                candidate.learningRate(), candidate.epochs(), candidate.validationAuc()));
        out.printf("test:       %,8d bills issued %s .. %s, %.2f %% late%n", data.test.size(), data.test.firstIssued,
                data.test.lastIssued, 100 * evaluation.model().lateRate());
        out.printf("%n%-28s %8s %8s%n", "on the validation month(s)", "AUC", "Brier");
        line(out, "model (logistic, isotonic)", evaluation.validation());
        out.printf("%n%-28s %8s %8s%n", "on the test months", "AUC", "Brier");
        line(out, "model (logistic, isotonic)", evaluation.model());
        line(out, "rule: late last time", evaluation.lateLastTime());
        line(out, "rule: share late so far", evaluation.lateShare());
        calibration(out, "model, validation month(s), calibration fitted there", evaluation.validation());
        calibration(out, "model", evaluation.model());
        calibration(out, "rule: share late so far", evaluation.lateShare());
        out.printf("%ntraining (grid of %d, calibration) %.1f s; with reading and features %.1f s%n",
                run.trained().tried().size(), evaluation.trainingMillis() / 1000.0, totalMillis / 1000.0);
        out.flush();
        if (jsonFile != null) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("window", run.window());
            figures.put("everyNthAccount", run.everyNth());
            figures.put("trainingBills", data.training.size());
            figures.put("validationBills", data.validation.size());
            figures.put("tried", run.trained().tried());
            figures.put("evaluation", evaluation);
            figures.put("totalMillis", totalMillis);
            json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(jsonFile.toFile(), figures);
        }
        return ExitCode.OK;
    }

    private Optional<YearMonth> month(String option, String value) {
        try {
            return Optional.ofNullable(value).map(YearMonth::parse);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " must be a month, yyyy-MM: " + value);
        }
    }

    private static String suffix(int n) {
        return n == 1 ? " (all)" : "";
    }

    private static void line(PrintWriter out, String name, RiskMetrics metrics) {
        out.printf("%-28s %8s %8.4f%n", name, metrics.auc() == null ? "-" : String.format("%.4f", metrics.auc()),
                metrics.brier());
    }

    private static void calibration(PrintWriter out, String name, RiskMetrics metrics) {
        out.printf("%ncalibration, %s (deciles of the score)%n%6s %10s %10s %10s%n", name, "decile", "bills",
                "predicted", "observed");
        for (int i = 0; i < metrics.calibration().size(); i++) {
            RiskMetrics.CalibrationBin bin = metrics.calibration().get(i);
            out.printf("%6d %,10d %10.4f %10.4f%n", i + 1, bin.bills(), bin.meanPredicted(), bin.observedLate());
        }
    }
}
