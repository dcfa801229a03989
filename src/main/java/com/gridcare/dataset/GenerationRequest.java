package com.gridcare.dataset;

import java.time.LocalDate;

/**
 * What to generate. The dataset is a pure function of these values: the same request always yields the same rows.
 *
 * @param scale 1.0 is the full utility (1,774,800 customers)
 * @param asOf the day the dataset ends: twelve billed months before its month, daily readings up to the day before
 * @param smartMeterShare share of low-voltage customers whose smart meter delivers daily readings (all HV do)
 * @param dailyDays days of daily readings kept before {@code asOf}
 */
public record GenerationRequest(long seed, double scale, LocalDate asOf, double smartMeterShare, int dailyDays) {

    public static final int FULL_SCALE_CUSTOMERS = 1_774_800;
    public static final int FULL_SCALE_HV_CUSTOMERS = 12_900;
    public static final int FULL_SCALE_HV_STAFF = 209;
    public static final int FULL_SCALE_LV_STAFF = 1_429;
    public static final double DEFAULT_SMART_METER_SHARE = 0.3;
    public static final int DEFAULT_DAILY_DAYS = 62;

    public GenerationRequest {
        if (!(scale > 0) || scale > 10) {
            throw new IllegalArgumentException("scale must be above 0 and at most 10, was " + scale);
        }
        if (smartMeterShare < 0 || smartMeterShare > 1) {
            throw new IllegalArgumentException("smart meter share must be between 0 and 1, was " + smartMeterShare);
        }
        if (dailyDays < 0 || dailyDays > 366) {
            throw new IllegalArgumentException("daily days must be between 0 and 366, was " + dailyDays);
        }
        if (Math.round(FULL_SCALE_CUSTOMERS * scale) < 1) {
            throw new IllegalArgumentException("scale " + scale + " yields no customer");
        }
    }

    int customers() {
        return (int) Math.round(FULL_SCALE_CUSTOMERS * scale);
    }

    int hvCustomers() {
        return customers() < 20 ? 1 : (int) Math.max(1, Math.round(FULL_SCALE_HV_CUSTOMERS * scale));
    }
}
