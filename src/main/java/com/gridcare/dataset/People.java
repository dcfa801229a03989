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
        return pick(MOBILE_PREFIXES, random) + padded(random.nextInt(100_000_000), 8);
    }

    /** An 18-character resident ID number with a valid GB 11643 check character, born in {@code birthYear}. */
    static String idNumber(SplittableRandom random, int birthYear) {
        String body = "4401" + padded(1 + random.nextInt(18), 2) + birthYear + padded(1 + random.nextInt(12), 2)
                + padded(1 + random.nextInt(28), 2) + padded(random.nextInt(1000), 3);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK[sum % 11];
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width}: a hot path, String.format is too slow. */
    static String padded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    static <T> T pick(T[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
