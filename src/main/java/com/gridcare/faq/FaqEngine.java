package com.gridcare.faq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The understanding engine: normalises a question, ranks the knowledge base against it and decides whether the best
 * topic is a safe answer. Each instance holds the index in memory and {@link #replace replaces} it whole when the
 * knowledge base changes; matching is pure CPU work on an immutable index, so it needs no locks.
 * <p>
 * The confidence is a logistic function of two things the ranking knows: how much of the question (by IDF weight)
 * the best topic explains, and how far it is ahead of the runner-up. The coefficients were fitted by logistic
 * regression on 600 questions whose answer is known: each phrasing of the knowledge base asked of an index built
 * without it (leave one out: 69 % land on their topic, so both outcomes are well represented), plus the
 * out-of-scope questions of {@code src/test/resources/faq/questions.jsonl}. The confidence therefore reads as the
 * chance that the best topic is the right one; {@code faq-eval} prints how well that holds on any question set.
 * They should be refitted when the knowledge base changes a lot.
 * <p>
 * Each served index keeps the matches of the questions asked of it ({@code gridcare.faq.matches-kept}, by exact
 * text), so a question asked before costs a look-up; a new index starts with none.
 */
@ApplicationScoped
public class FaqEngine {

    private static final double COVERAGE_WEIGHT = 2.19;
    private static final double MARGIN_WEIGHT = 4.63;
    private static final double INTERCEPT = -1.81;
    private static final int ALTERNATIVES = 2;

    private final TextNormaliser normaliser = TextNormaliser.fromResources();
    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final List<String> outOfScope = readLines("faq/out-of-scope.txt");
    private final List<String> foreignTerms = readLines("faq/foreign-terms.txt");
    private final double threshold;
    private final int matchesKept;
    /** The index, the revision it was built from, the read it came from and its matches, swapped together. */
    private volatile Served served;

    public FaqEngine(FaqConfig config) {
        this.threshold = config.confidenceThreshold();
        this.matchesKept = config.matchesKept();
        this.served = served(FaqIndex.build(List.of(), outOfScope, foreignTerms, normaliser, analyzer), -1, -1);
    }

    private record Served(FaqIndex index, long revision, long read, Cache<String, FaqMatch> matches) {
    }

    private Served served(FaqIndex index, long revision, long read) {
        return new Served(index, revision, read, Caffeine.newBuilder().maximumSize(matchesKept).build());
    }

    /**
     * Serves an index of the given entries (the active ones) from now on, unless an index from a later read is served
     * already: reloads triggered close together may finish out of order. {@code read} numbers the reads of the
     * knowledge base in the order they started. The build (CPU work of a few hundred milliseconds) happens outside
     * the lock, so that {@link #revision()}, read on the event loop, never waits for it.
     */
    void replace(List<FaqEntry> entries, long read) {
        if (read < served.read()) {
            return;
        }
        FaqIndex built = FaqIndex.build(entries, outOfScope, foreignTerms, normaliser, analyzer);
        synchronized (this) {
            if (read >= served.read()) {
                served = served(built, revision(entries), read);
            }
        }
    }

    /**
     * The revision of the knowledge base served: the sum of all entries' versions, retired ones included, which
     * every create, edit and retirement increases.
     */
    long revision() {
        return served.revision();
    }

    static long revision(List<FaqEntry> entries) {
        return entries.stream().mapToLong(FaqEntry::version).sum();
    }

    List<FaqEntry> topics() {
        return served.index().topics();
    }

    public String normalise(String question) {
        return normaliser.normalise(question);
    }

    public FaqMatch match(String question) {
        Served current = served;
        return current.matches().get(question, asked -> match(current.index(), asked));
    }

    /** The match worked out anew, as for a question never asked before (what faq-eval times). */
    FaqMatch matchAfresh(String question) {
        return match(served.index(), question);
    }

    private FaqMatch match(FaqIndex index, String question) {
        String normalised = normaliser.normalise(question);
        Map<String, Integer> features = analyzer.features(normalised);
        if (features.isEmpty()) {
            return new FaqMatch(FaqMatch.Outcome.NO_TEXT, null, 0, List.of(), normalised);
        }
        FaqIndex.Ranking ranking = index.rank(normalised, features);
        if (ranking.best().isEmpty() || ranking.topScore() <= 0) {
            return new FaqMatch(FaqMatch.Outcome.OUT_OF_SCOPE, null, 0, List.of(), normalised);
        }
        double confidence = confidence(ranking.coverage(), ranking.margin());
        if (ranking.outOfScope()) {
            return new FaqMatch(FaqMatch.Outcome.OUT_OF_SCOPE, null, 0, List.of(), normalised);
        }
        if (confidence < threshold) {
            List<FaqEntry> closest = ranking.best().stream().limit(ALTERNATIVES).map(FaqIndex.Ranking.Scored::topic)
                    .toList();
            return new FaqMatch(FaqMatch.Outcome.NOT_SURE, null, confidence, closest, normalised);
        }
        return new FaqMatch(FaqMatch.Outcome.ANSWERED, ranking.best().get(0).topic(), confidence, List.of(), normalised);
    }

    static double confidence(double coverage, double margin) {
        return 1 / (1 + Math.exp(-(COVERAGE_WEIGHT * coverage + MARGIN_WEIGHT * margin + INTERCEPT)));
    }

    private static List<String> readLines(String resource) {
        try (InputStream in = FaqEngine.class.getClassLoader().getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
