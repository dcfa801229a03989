package com.gridcare.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * {@code faq-eval} as an operator runs it, on the project's own questions (written apart from the knowledge base's
 * phrasings and from ../shared/faq/dev.jsonl). The thresholds are a floor that catches a regression of the engine or
 * of the knowledge base, a little under what the engine reaches today.
 */
@QuarkusMainTest
class FaqEvaluationTests {

    private static final String QUESTIONS = Path.of("src", "test", "resources", "faq", "questions.jsonl").toString();
    private static final String EVALUATION_SET = Path.of("src", "test", "resources", "faq", "eval-set.jsonl").toString();

    @Test
    void shouldAnswerTheProjectsOwnQuestionsWellAndFast(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("faq-eval", QUESTIONS);

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        String output = result.getOutput();
        assertThat(output).contains("knowledge base: 52 active topics", "questions: 125 (105 on a topic, 20 out of scope)",
                "confusions (expected -> answered: count):", "calibration", "latency per question");
        assertThat(percent(output, "top-1 accuracy on topic questions: ")).isGreaterThanOrEqualTo(92.0);
        assertThat(percent(output, "\"none\" recall:    ")).isGreaterThanOrEqualTo(95.0);
        assertThat(percent(output, "\"none\" precision: ")).isGreaterThanOrEqualTo(85.0);
        // CPU time: the wall clock of a shared build machine measures its other jobs as much as the engine.
        assertThat(millis(output, "  CPU time:", "p99 ")).isLessThan(5.0);
    }

    /**
     * The part of the evaluation set the engine was never tuned on (bench/faq-eval-set.py, seed 15): its figures are
     * the honest ones. The floors sit a little under today's (BENCHMARKS.md), so a change that only fits the tuning
     * part shows here.
     */
    @Test
    void shouldHoldItsFiguresOnTheHeldOutPart(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("faq-eval", EVALUATION_SET, "--part", "held-out", "--warm-up", "5",
                "--repeat", "3");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        String output = result.getOutput();
        assertThat(output).contains("questions: 426 (312 on a topic, 114 out of scope)");
        assertThat(percent(output, "top-1 accuracy on topic questions: ")).isGreaterThanOrEqualTo(87.0);
        assertThat(percent(output, "\"none\" recall:    ")).isGreaterThanOrEqualTo(94.0);
        assertThat(millis(output, "  CPU time:", "p99 ")).isLessThan(5.0);
    }

    @Test
    void shouldRefuseAPartWithNoQuestions(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("faq-eval", EVALUATION_SET, "--part", "no-such-part");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("has \"part\": \"no-such-part\"");
    }

    @Test
    void shouldNameTheLinesItCannotRead(QuarkusMainLauncher launcher) throws Exception {
        Path file = Files.createTempFile("faq-eval", ".jsonl");
        Files.writeString(file, """
                {"q": "怎么交电费", "expect": "payment.methods"}
                not json
                {"q": "怎么交电费"}
                """);

        LaunchResult result = launcher.launch("faq-eval", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).contains("line 2: not JSON",
                "line 3: needs text fields \"q\" and \"expect\"");
    }

    @Test
    @Launch(value = { "faq-eval", "no-such-file.jsonl" }, exitCode = 2)
    void shouldRefuseAMissingFile(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("No such file: no-such-file.jsonl");
    }

    /** The figure after the label, e.g. 97.1 from "label 102/105 = 97.1 %". */
    private static double percent(String output, String label) {
        String line = output.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(line.indexOf("= ") + 2, line.indexOf(" %")));
    }

    private static double millis(String output, String linePrefix, String label) {
        String line = output.lines().filter(l -> l.startsWith(linePrefix)).findFirst().orElseThrow();
        String rest = line.substring(line.indexOf(label) + label.length());
        return Double.parseDouble(rest.substring(0, rest.indexOf(" ms")));
    }
}
