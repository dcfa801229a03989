package com.gridcare.faq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Turns normalised text into the weighted features the ranker compares: HanLP words, character bigrams (robust to
 * segmentation mistakes on short, colloquial questions), single characters (a weak signal for very short ones) and
 * bigrams of "fuzzy" pinyin, so that a typo made with a pinyin keyboard (店费 for 电费, 跳匝 for 跳闸) still meets
 * the word it sounds like. Fuzzy pinyin merges the sounds southern speakers often do not tell apart: zh/z, ch/c,
 * sh/s, n/l and the nasal finals -ng/-n.
 */
final class TextAnalyzer {

    static final char WORD = 'w';
    static final char BIGRAM = 'b';
    static final char CHAR = 'c';
    static final char PINYIN = 'p';

    /** Particles that carry no meaning in a question; pronouns are kept, since 我家 is what marks an intent. */
    private static final Set<String> PARTICLES = Set.of("的", "了", "吗", "呢", "啊", "吧", "呀", "哦", "嘛", "啦", "哈",
            "呗", "么", "喔", "嗯", "请问", "请", "一下", "下");

    static double weight(String feature) {
        return switch (feature.charAt(0)) {
            case WORD -> 1.0;
            case BIGRAM -> 1.0;
            case PINYIN -> 0.6;
            default -> 0.25;
        };
    }

    /** Feature → how often it occurs in the text. */
    Map<String, Integer> features(String normalised) {
        Map<String, Integer> counts = new HashMap<>();
        if (normalised.isEmpty()) {
            return counts;
        }
        for (Term term : HanLP.segment(normalised)) {
            String word = term.word.strip();
            if (!word.isEmpty() && !PARTICLES.contains(word)) {
                counts.merge(WORD + word, 1, Integer::sum);
            }
        }
        for (String chunk : normalised.split(" ")) {
            characterFeatures(chunk, counts);
        }
        return counts;
    }

    private static void characterFeatures(String chunk, Map<String, Integer> counts) {
        List<Pinyin> pinyin = HanLP.convertToPinyinList(chunk);
        String previousSound = null;
        for (int i = 0; i < chunk.length(); i++) {
            String character = chunk.substring(i, i + 1);
            if (!PARTICLES.contains(character)) {
                counts.merge(CHAR + character, 1, Integer::sum);
            }
            if (i + 1 < chunk.length()) {
                counts.merge(BIGRAM + chunk.substring(i, i + 2), 1, Integer::sum);
            }
            String sound = i < pinyin.size() ? fuzzy(pinyin.get(i)) : null;
            if (sound != null && previousSound != null) {
                counts.merge(PINYIN + previousSound + sound, 1, Integer::sum);
            }
            previousSound = sound;
        }
    }

    private static String fuzzy(Pinyin pinyin) {
        if (pinyin == Pinyin.none5) {
            return null;
        }
        String sound = pinyin.getPinyinWithoutTone();
        if (sound.length() > 2 && sound.charAt(1) == 'h' && "zcs".indexOf(sound.charAt(0)) >= 0) {
            sound = sound.charAt(0) + sound.substring(2);
        }
        if (sound.startsWith("n") && sound.length() > 1 && !sound.startsWith("ng")) {
            sound = "l" + sound.substring(1);
        }
        if (sound.endsWith("ng") && sound.length() > 2) {
            sound = sound.substring(0, sound.length() - 1);
        }
        return sound + '|';
    }
}
