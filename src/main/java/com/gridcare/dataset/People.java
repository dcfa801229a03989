package com.gridcare.dataset;

import java.util.SplittableRandom;

/** Plausible Chinese personal data: names, mobile numbers, ID-card numbers. */
final class People {

    private static final String[] MOBILE_PREFIXES = { "133", "135", "136", "137", "138", "139", "150", "151", "152",
            "157", "158", "159", "177", "180", "181", "186", "187", "188", "189", "191", "199" };
    private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] ID_CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

    private People() {
    }

    static String personName(Vocabulary words, SplittableRandom random) {
        return pick(words.surnames(), random) + pick(words.givenNames(), random);
    }

    static String mobile(SplittableRandom random) {
        return pick(MOBILE_PREFIXES, random) + "%08d".formatted(random.nextInt(100_000_000));
    }

    /** An 18-character resident ID number with a valid GB 11643 check character, born in {@code birthYear}. */
    static String idNumber(SplittableRandom random, int birthYear) {
        String body = "4401%02d%04d%02d%02d%03d".formatted(1 + random.nextInt(18), birthYear, 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK[sum % 11];
    }

    static <T> T pick(T[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
