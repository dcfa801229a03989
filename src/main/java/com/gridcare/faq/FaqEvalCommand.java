package com.gridcare.faq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code faq-eval FILE.jsonl}: asks the engine, as loaded from the configured database, each question of the file and
 * prints how it did. Exit status 0 when evaluated, 1 when a line is not a question with an expected answer, 2 for a
 * wrong command line.
 */
@Dependent
@Unremovable
@Command(name = "faq-eval", mixinStandardHelpOptions = true,
        description = "Evaluates the FAQ bot on questions with known answers: one JSON object per line, "
                + "{\"q\": \"question\", \"expect\": \"topic.id\" or \"none\"}.")
public class FaqEvalCommand implements Callable<Integer> {

    private final FaqEngine engine;
    private final ObjectMapper json;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The questions, JSON lines (UTF-8).")
    Path file;

    @Option(names = "--part", paramLabel = "NAME",
            description = "Only the lines whose \"part\" field is NAME (the evaluation set's tuning or held-out part).")
    String part;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "20",
            description = "Untimed passes over the questions before timing, so the JIT has compiled the engine as in a "
                    + "running service (default: ${DEFAULT-VALUE}).")
    int warmUps;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "10",
            description = "Timed passes over the questions (default: ${DEFAULT-VALUE}).")
    int repeats;

    public FaqEvalCommand(FaqEngine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    @Override
    public Integer call() throws IOException {
        if (warmUps < 0 || repeats < 1) {
            throw new ParameterException(spec.commandLine(), "--warm-up must be 0 or more and --repeat 1 or more");
        }
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "No such file: " + file);
        }
        List<FaqEvaluation.Case> cases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode line = json.readTree(lines.get(i));
                if (!line.path("q").isTextual() || !line.path("expect").isTextual()) {
                    problems.add("line " + (i + 1) + ": needs text fields \"q\" and \"expect\"");
                } else if (part == null || part.equals(line.path("part").asText())) {
                    cases.add(new FaqEvaluation.Case(line.get("q").asText(), line.get("expect").asText()));
                }
            } catch (IOException e) {
                problems.add("line " + (i + 1) + ": not JSON");
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(spec.commandLine().getErr()::println);
            spec.commandLine().getErr().flush();
            return ExitCode.SOFTWARE;
        }
        if (cases.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "No question in " + file
                    + (part == null ? "" : " has \"part\": \"" + part + "\""));
        }
        spec.commandLine().getOut().printf("knowledge base: %d active topics (revision %d)%n", engine.topics().size(),
                engine.revision());
        FaqEvaluation.run(engine, cases, warmUps, repeats).print(spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
