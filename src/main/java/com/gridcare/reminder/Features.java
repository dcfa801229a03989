package com.gridcare.reminder;

import java.util.List;

/**
 * What the response models read of a customer and a bill: a dense vector, mostly indicators. The models learn which of
 * these matter per channel; nothing here says what a segment responds to.
 */
final class Features {

    static final List<String> NAMES = List.of("bias", "hv", "prepaid", "habit:ONLINE", "habit:AUTO_DEBIT",
            "habit:BANK", "habit:COUNTER", "habit:AGENT", "habit:PHONE", "habit:PREPAID", "tenure<2y", "tenure>=10y",
            "risk:logit", "risk:unknown", "bill:log10/100", "reach:wechat", "reach:app", "reach:email",
            "reach:mobile");

    static final int SIZE = NAMES.size();
    static final int RISK_LOGIT = NAMES.indexOf("risk:logit");
    static final int RISK_UNKNOWN = NAMES.indexOf("risk:unknown");

    private Features() {
    }

    static double[] of(Customer customer, double billAmount) {
        double[] x = new double[SIZE];
        x[0] = 1;
        x[1] = customer.highVoltage() ? 1 : 0;
        x[2] = customer.prepaid() ? 1 : 0;
        int habit = switch (customer.habit()) {
            case ONLINE -> 3;
            case AUTO_DEBIT -> 4;
            case BANK -> 5;
            case COUNTER -> 6;
            case AGENT -> 7;
            case PHONE -> 8;
            case PREPAID -> 9;
            case UNKNOWN -> -1;
        };
        if (habit > 0) {
            x[habit] = 1;
        }
        x[10] = customer.tenureYears() < 2 ? 1 : 0;
        x[11] = customer.tenureYears() >= 10 ? 1 : 0;
        if (customer.riskProbability() == null) {
            x[RISK_UNKNOWN] = 1;
        } else {
            x[RISK_LOGIT] = logit(customer.riskProbability());
        }
        x[14] = Math.log10(Math.max(billAmount, 1)) - 2;
        var reach = customer.reachable();
        x[15] = reach.contains(ContactOption.WECHAT_TEMPLATE) ? 1 : 0;
        x[16] = reach.contains(ContactOption.APP_PUSH) ? 1 : 0;
        x[17] = reach.contains(ContactOption.EMAIL) ? 1 : 0;
        x[18] = reach.contains(ContactOption.SMS) ? 1 : 0;
        return x;
    }

    /** Clamped so that a certain-looking score stays a strong, finite feature. */
    static double logit(double probability) {
        double p = Math.min(0.995, Math.max(0.005, probability));
        return Math.log(p / (1 - p));
    }
}
