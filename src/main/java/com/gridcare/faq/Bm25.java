package com.gridcare.faq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Okapi BM25 over weighted features ({@link TextAnalyzer#weight}); immutable once built. */
final class Bm25 {

    private static final double K1 = 1.2;

    private final double b;
    private final double[] length;
    private final double averageLength;
    private final Map<String, int[][]> postings = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final double unseenIdf;

    Bm25(List<Map<String, Integer>> documents, double b) {
        this.b = b;
        this.length = new double[documents.size()];
        Map<String, List<int[]>> lists = new HashMap<>();
        for (int d = 0; d < documents.size(); d++) {
            for (Map.Entry<String, Integer> feature : documents.get(d).entrySet()) {
                lists.computeIfAbsent(feature.getKey(), k -> new ArrayList<>()).add(new int[] { d, feature.getValue() });
                length[d] += feature.getValue() * TextAnalyzer.weight(feature.getKey());
            }
        }
        double sum = 0;
        for (double l : length) {
            sum += l;
        }
        this.averageLength = length.length == 0 ? 1 : Math.max(sum / length.length, 1e-9);
        int n = documents.size();
        lists.forEach((feature, list) -> {
            postings.put(feature, list.toArray(int[][]::new));
            idf.put(feature, idf(n, list.size()));
        });
        this.unseenIdf = idf(n, 0);
    }

    private static double idf(int documents, int containing) {
        return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
    }

    /** A feature no document has is the rarest there is: it weighs most in what a question asks. */
    double idf(String feature) {
        return idf.getOrDefault(feature, unseenIdf);
    }

    /** Whether any document has the feature. */
    boolean knows(String feature) {
        return postings.containsKey(feature);
    }

    double[] scores(Map<String, Integer> query) {
        double[] scores = new double[length.length];
        for (Map.Entry<String, Integer> feature : query.entrySet()) {
            int[][] list = postings.get(feature.getKey());
            if (list == null) {
                continue;
            }
            double weight = TextAnalyzer.weight(feature.getKey()) * feature.getValue() * idf.get(feature.getKey());
            for (int[] posting : list) {
                int d = posting[0];
                double tf = posting[1];
                scores[d] += weight * tf * (K1 + 1) / (tf + K1 * (1 - b + b * length[d] / averageLength));
            }
        }
        return scores;
    }
}
