package com.gridcare.faq;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs questions with known answers through the engine and measures what residents would see: top-1 accuracy on
 * topic questions, precision and recall of "none" (topicId null), the pairs it confuses, whether the confidence is
 * calibrated, and the in-process time per question, in wall-clock time and in CPU time (on a busy machine the first
 * includes waiting for a core, which says more about the machine than about the engine).
 */
public final class FaqEvaluation {

    /** The expected answer of a question that no topic should answer. */
    public static final String NONE = "none";
    private static final int CALIBRATION_BINS = 5;

    public record Case(String question, String expect) {
    }

    public record Report(int topicQuestions, int topicRight, int noneExpected, int noneAnswered, int noneRight,
            Map<String, Integer> confusions, int[] binQuestions, int[] binRight, long[] nanos, long[] cpuNanos) {

        public double topicAccuracy() {
            return topicQuestions == 0 ? 1 : (double) topicRight / topicQuestions;
        }

        public double nonePrecision() {
            return noneAnswered == 0 ? 1 : (double) noneRight / noneAnswered;
        }

        public double noneRecall() {
            return noneExpected == 0 ? 1 : (double) noneRight / noneExpected;
        }

        /** The time under which the given share (0..1) of questions were answered, in milliseconds. */
        public double percentileMillis(double share) {
            return percentile(nanos, share);
        }

        /** The same in CPU time of the answering thread: what the engine costs, without waiting for a core. */
        public double cpuPercentileMillis(double share) {
            return percentile(cpuNanos, share);
        }

        private static double percentile(long[] sorted, double share) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(share * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        public void print(PrintWriter out) {
            out.printf("questions: %d (%d on a topic, %d out of scope)%n", topicQuestions + noneExpected,
                    topicQuestions, noneExpected);
            out.printf("top-1 accuracy on topic questions: %d/%d = %.1f %%%n", topicRight, topicQuestions,
                    100 * topicAccuracy());
            out.printf("\"none\" precision: %d/%d = %.1f %% (of the questions answered none, those expected none)%n",
                    noneRight, noneAnswered, 100 * nonePrecision());
            out.printf("\"none\" recall:    %d/%d = %.1f %% (of the questions expected none, those answered none)%n",
                    noneRight, noneExpected, 100 * noneRecall());
            out.println("confusions (expected -> answered: count):");
            if (confusions.isEmpty()) {
                out.println("  none");
            }
            confusions.forEach((pair, count) -> out.printf("  %s: %d%n", pair, count));
            out.println("calibration (confidence of the best topic -> share of questions where it was right):");
            for (int bin = 0; bin < CALIBRATION_BINS; bin++) {
                if (binQuestions[bin] > 0) {
                    out.printf("  %.1f-%.1f: %3d questions, %5.1f %% right%n", (double) bin / CALIBRATION_BINS,
                            (double) (bin + 1) / CALIBRATION_BINS, binQuestions[bin],
                            100.0 * binRight[bin] / binQuestions[bin]);
                }
            }
            out.printf("latency per question (in-process, %d answers timed after warming up):%n", nanos.length);
            out.printf("  wall clock: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n", percentileMillis(0.5),
                    percentileMillis(0.9), percentileMillis(0.99), percentileMillis(1));
            out.printf("  CPU time:   p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n", cpuPercentileMillis(0.5),
                    cpuPercentileMillis(0.9), cpuPercentileMillis(0.99), cpuPercentileMillis(1));
            out.flush();
        }
    }

    private FaqEvaluation() {
    }

    /**
     * Matching is timed without the engine's memory of earlier questions: the figures are the cost of a question not
     * asked before.
     *
     * @param warmUps passes over all questions before measuring, so that the times are those of a running service
     *        whose code the JIT has compiled, not of a cold start
     * @param repeats timed passes: more samples make the high percentiles of a small set meaningful
     */
    public static Report run(FaqEngine engine, List<Case> cases, int warmUps, int repeats) {
        for (int pass = 0; pass < warmUps; pass++) {
            cases.forEach(c -> engine.matchAfresh(c.question()));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[cases.size() * repeats];
        long[] cpuNanos = new long[nanos.length];
        for (int pass = 1; pass < repeats; pass++) {
            for (int i = 0; i < cases.size(); i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                engine.matchAfresh(cases.get(i).question());
                nanos[pass * cases.size() + i] = System.nanoTime() - start;
                cpuNanos[pass * cases.size() + i] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        int topicQuestions = 0;
        int topicRight = 0;
        int noneExpected = 0;
        int noneAnswered = 0;
        int noneRight = 0;
        Map<String, Integer> confusions = new TreeMap<>();
        int[] binQuestions = new int[CALIBRATION_BINS];
        int[] binRight = new int[CALIBRATION_BINS];
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            FaqMatch match = engine.matchAfresh(c.question());
            nanos[i] = System.nanoTime() - start;
            cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            String answered = match.topicId() == null ? NONE : match.topicId();
            boolean expectNone = NONE.equals(c.expect());
            if (expectNone) {
                noneExpected++;
            } else {
                topicQuestions++;
            }
            if (answered.equals(c.expect())) {
                if (expectNone) {
                    noneRight++;
                } else {
                    topicRight++;
                }
            } else {
                confusions.merge(c.expect() + " -> " + answered, 1, Integer::sum);
            }
            if (match.topicId() == null) {
                noneAnswered++;
            }
            FaqEntry best = match.topic() != null ? match.topic()
                    : match.alternatives().isEmpty() ? null : match.alternatives().get(0);
            if (best != null) {
                int bin = Math.min(CALIBRATION_BINS - 1, (int) (match.confidence() * CALIBRATION_BINS));
                binQuestions[bin]++;
                if (best.topicId().equals(c.expect())) {
                    binRight[bin]++;
                }
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        return new Report(topicQuestions, topicRight, noneExpected, noneAnswered, noneRight, confusions, binQuestions,
                binRight, nanos, cpuNanos);
    }
}
