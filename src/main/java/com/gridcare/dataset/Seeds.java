package com.gridcare.dataset;

import java.util.SplittableRandom;

/**
 * Independent random streams per (seed, entity, purpose): any step can recompute what another step drew for the
 * same customer, which is what makes steps resumable one by one and the dataset deterministic per seed.
 */
final class Seeds {

    static final int LAYOUT = 1;
    static final int STAFF = 2;
    static final int TRANSFORMER_AREA = 3;
    static final int PROFILE = 4;
    static final int USAGE = 5;
    static final int PAYMENT = 6;
    static final int DAILY = 7;
    static final int IDENTITY = 8;

    private Seeds() {
    }

    static SplittableRandom random(long seed, long entity, int purpose) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + entity * 0xC2B2AE3D27D4EB4FL + purpose));
    }

    /** Stafford's variant 13 of the SplitMix64 finaliser: spreads nearby inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
