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
 * The confidence is a small logistic classifier over four things the ranking knows, each of which a person can
 * check on a wrong answer: the best topic's lead over the runner-up (as a share of its score), the share of the
 * question's words that nothing in the knowledge base uses (抖音, 营业执照), how close the out-of-scope pseudo-topic
 * came to the best topic, and how strongly the best topic matched at all (the log of its score). The coefficients were
 * fitted by logistic regression on the tuning part of {@code src/test/resources/faq/eval-set.jsonl} (426 questions,
 * 114 of them out of scope; the held-out part was never used), with the label "the best topic is the expected
 * one". The confidence therefore reads as the chance that the best topic is right; {@code faq-eval} prints how well
 * that holds on any question set. They should be refitted (bench/faq-eval-set.py, then the tuning part) when the
 * knowledge base changes a lot, since the score's scale moves with it.
 * <p>
 * Each served index keeps the matches of the questions asked of it ({@code gridcare.faq.matches-kept}, by exact
 * text), so a question asked before costs a look-up; a new index starts with none.
 */
@ApplicationScoped
public class FaqEngine {

    private static final double MARGIN_WEIGHT = 0.601;
    private static final double UNKNOWN_WEIGHT = -0.436;
    private static final double OUT_OF_SCOPE_WEIGHT = -1.741;
    private static final double STRENGTH_WEIGHT = 2.758;
    private static final double INTERCEPT = -11.851;
    /** Past twice the best topic's score the pseudo-topic has won anyway: it says no more. */
    private static final double OUT_OF_SCOPE_CAP = 2.0;
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
        double confidence = confidence(ranking);
        if (ranking.outOfScope()) {
            return new FaqMatch(FaqMatch.Outcome.OUT_OF_SCOPE, null, 0, List.of(), normalised);
        }
        if (confidence < threshold && !withinAPhrasing(index, ranking.best().get(0).topic(), normalised)) {
            List<FaqEntry> closest = ranking.best().stream().limit(ALTERNATIVES).map(FaqIndex.Ranking.Scored::topic)
                    .toList();
            return new FaqMatch(FaqMatch.Outcome.NOT_SURE, null, confidence, closest, normalised);
        }
        return new FaqMatch(FaqMatch.Outcome.ANSWERED, ranking.best().get(0).topic(), confidence, List.of(), normalised);
    }

    /**
     * A short question wholly inside one of the best topic's own phrasings ("停电了" in "我家停电了", "报修" in "我要报修")
     * is that topic whatever the classifier makes of it: few words give it little margin and a low score, and the
     * tuning part holds few such questions, yet they are what residents type most.
     */
    private static boolean withinAPhrasing(FaqIndex index, FaqEntry topic, String normalised) {
        String question = normalised.strip();
        return question.codePointCount(0, question.length()) >= 2 && index.withinAPhrasing(topic, question);
    }

    static double confidence(FaqIndex.Ranking ranking) {
        double outOfScope = Math.min(OUT_OF_SCOPE_CAP, ranking.outOfScopeScore() / ranking.topScore());
        return 1 / (1 + Math.exp(-(MARGIN_WEIGHT * ranking.margin() + UNKNOWN_WEIGHT * ranking.unknownShare()
                + OUT_OF_SCOPE_WEIGHT * outOfScope + STRENGTH_WEIGHT * Math.log1p(ranking.topScore()) + INTERCEPT)));
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
