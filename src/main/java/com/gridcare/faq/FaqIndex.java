package com.gridcare.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable index of the active topics, built once per knowledge-base version and then only read, so any number
 * of threads can rank with it. A topic's score adds three BM25 rankings: its best single phrasing (a resident asks
 * one thing, phrased one way); the topic as one document of all its phrasings, weighted double (so that words no
 * single phrasing combines still count; the project's test questions preferred it stronger); and its answer text.
 * The out-of-scope questions form one more pseudo-topic: when it wins, or when the question uses a term of another
 * service's domain ({@code faq/foreign-terms.txt}: 水费, 燃气, 高铁), the question is not about power.
 */
final class FaqIndex {

    /** Phrasings are all short: length normalisation matters less than for documents of very different sizes. */
    private static final double PHRASING_B = 0.6;
    private static final double TOPIC_B = 0.75;
    private static final double TOPIC_SHARE = 2.0;
    private static final double ANSWER_SHARE = 1.0;

    private final List<FaqEntry> topics;
    private final int[] phrasingTopic;
    private final Bm25 phrasings;
    private final Bm25 wholeTopics;
    private final Bm25 answers;
    private final List<String> foreignTerms;
    /** Each topic's phrasings as normalised at build, by topic id. */
    private final Map<String, List<String>> normalisedPhrasings;

    private FaqIndex(List<FaqEntry> topics, int[] phrasingTopic, Bm25 phrasings, Bm25 wholeTopics, Bm25 answers,
            List<String> foreignTerms, Map<String, List<String>> normalisedPhrasings) {
        this.topics = topics;
        this.phrasingTopic = phrasingTopic;
        this.phrasings = phrasings;
        this.wholeTopics = wholeTopics;
        this.answers = answers;
        this.foreignTerms = foreignTerms;
        this.normalisedPhrasings = normalisedPhrasings;
    }

    static FaqIndex build(List<FaqEntry> entries, List<String> outOfScope, List<String> foreignTerms,
            TextNormaliser normaliser, TextAnalyzer analyzer) {
        List<FaqEntry> topics = entries.stream().filter(e -> FaqEntry.ACTIVE.equals(e.status()))
                .sorted(Comparator.comparing(FaqEntry::topicId)).toList();
        List<Map<String, Integer>> phrasingDocuments = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        // Topic documents: one per topic, then the out-of-scope pseudo-topic last.
        List<Map<String, Integer>> topicDocuments = new ArrayList<>();
        List<String> knowledgeBaseTexts = new ArrayList<>();
        List<Map<String, Integer>> answerDocuments = new ArrayList<>();
        Map<String, List<String>> normalisedPhrasings = new HashMap<>();
        for (int t = 0; t <= topics.size(); t++) {
            List<String> texts = t < topics.size() ? texts(topics.get(t)) : outOfScope;
            if (t < topics.size()) {
                normalisedPhrasings.put(topics.get(t).topicId(),
                        topics.get(t).phrasings().stream().map(normaliser::normalise).toList());
                texts.forEach(text -> knowledgeBaseTexts.add(normaliser.normalise(text)));
                knowledgeBaseTexts.add(normaliser.normalise(topics.get(t).answer()));
            }
            Map<String, Integer> whole = new HashMap<>();
            for (String text : texts) {
                Map<String, Integer> features = analyzer.features(normaliser.normalise(text));
                if (!features.isEmpty()) {
                    phrasingDocuments.add(features);
                    owners.add(t);
                    features.forEach((feature, count) -> whole.merge(feature, count, Integer::sum));
                }
            }
            topicDocuments.add(whole);
            answerDocuments.add(t < topics.size() ? analyzer.features(normaliser.normalise(topics.get(t).answer()))
                    : Map.of());
        }
        String knowledgeBase = String.join(" ", knowledgeBaseTexts);
        List<String> foreign = foreignTerms.stream().map(normaliser::normalise)
                .filter(term -> !term.isEmpty() && !knowledgeBase.contains(term)).toList();
        return new FaqIndex(topics, owners.stream().mapToInt(Integer::intValue).toArray(),
                new Bm25(phrasingDocuments, PHRASING_B), new Bm25(topicDocuments, TOPIC_B),
                new Bm25(answerDocuments, TOPIC_B), foreign, normalisedPhrasings);
    }

    /** Whether the (normalised) question stands wholly inside one of the topic's phrasings. */
    boolean withinAPhrasing(FaqEntry topic, String question) {
        return normalisedPhrasings.getOrDefault(topic.topicId(), List.of()).stream()
                .anyMatch(phrasing -> phrasing.contains(question));
    }

    private static List<String> texts(FaqEntry topic) {
        List<String> texts = new ArrayList<>(topic.phrasings());
        texts.add(topic.title());
        return texts;
    }

    List<FaqEntry> topics() {
        return topics;
    }

    Ranking rank(String normalised, Map<String, Integer> question) {
        double[] best = new double[topics.size() + 1];
        double[] byPhrasing = phrasings.scores(question);
        for (int d = 0; d < byPhrasing.length; d++) {
            best[phrasingTopic[d]] = Math.max(best[phrasingTopic[d]], byPhrasing[d]);
        }
        double[] byTopic = wholeTopics.scores(question);
        double[] byAnswer = answers.scores(question);
        double[] score = new double[best.length];
        for (int t = 0; t < best.length; t++) {
            score[t] = best[t] + TOPIC_SHARE * byTopic[t] + ANSWER_SHARE * byAnswer[t];
        }
        Integer[] order = new Integer[topics.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        List<Ranking.Scored> top = new ArrayList<>();
        for (int i = 0; i < Math.min(3, order.length); i++) {
            top.add(new Ranking.Scored(topics.get(order[i]), score[order[i]]));
        }
        boolean foreign = foreignTerms.stream().anyMatch(normalised::contains);
        return new Ranking(top, score[topics.size()], foreign, unknownShare(question));
    }

    /**
     * The share of the question's words (by IDF weight, words of two or more characters) that nothing in the
     * knowledge base uses: a question about 抖音 or 营业执照 has words no topic knows, however well its 怎么办 matches.
     */
    private double unknownShare(Map<String, Integer> question) {
        double total = 0;
        double unknown = 0;
        for (Map.Entry<String, Integer> feature : question.entrySet()) {
            String key = feature.getKey();
            if (key.charAt(0) != TextAnalyzer.WORD || key.length() < 3) {
                continue;
            }
            double weight = feature.getValue() * phrasings.idf(key);
            total += weight;
            if (!phrasings.knows(key) && !answers.knows(key)) {
                unknown += weight;
            }
        }
        return total == 0 ? 0 : unknown / total;
    }

    /**
     * The best topics, best first; the out-of-scope pseudo-topic's score and whether the question has a term of another
     * service's domain; the share of the question's words the knowledge base does not know.
     */
    record Ranking(List<Scored> best, double outOfScopeScore, boolean foreignTerm, double unknownShare) {

        record Scored(FaqEntry topic, double score) {
        }

        double topScore() {
            return best.isEmpty() ? 0 : best.get(0).score();
        }

        /** How far the best topic is ahead of the runner-up, as a share of its score. */
        double margin() {
            if (best.size() < 2 || topScore() <= 0) {
                return best.isEmpty() ? 0 : 1;
            }
            return (topScore() - best.get(1).score()) / topScore();
        }

        boolean outOfScope() {
            return foreignTerm || outOfScopeScore > topScore();
        }
    }
}
