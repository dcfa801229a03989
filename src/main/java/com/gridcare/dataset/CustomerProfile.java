package com.gridcare.dataset;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Everything the generator decides about one customer once, from its own random stream: segment, tariff, meter,
 * payer behaviour, channel habit and consumption level. Readings, bills and payments are all derived from it.
 */
record CustomerProfile(
        int index,
        boolean highVoltage,
        String tariffCode,
        Segment segment,
        String status,
        boolean smartMeter,
        boolean prepaid,
        Payer payer,
        String primaryChannel,
        String[] channels,
        double[] channelWeights,
        double baseMonthlyKwh,
        int contractedKva,
        LocalDate openedOn) {

    /** Who the customer is, which drives seasonality and the channels they pay through. */
    enum Segment {
        YOUNG_HOUSEHOLD, FAMILY_HOUSEHOLD, ELDERLY_HOUSEHOLD, SHOP, COMMERCIAL, INDUSTRIAL
    }

    /** How the customer pays. */
    enum Payer {
        PUNCTUAL, OCCASIONALLY_LATE, CHRONIC_ARREARS
    }

    private static final String[] YOUNG_CHANNELS = { "WECHAT_PAY", "ALIPAY", "APP", "UNIONPAY_QUICKPASS", "MOBILE_BANKING" };
    private static final double[] YOUNG_WEIGHTS = { 0.45, 0.30, 0.12, 0.05, 0.08 };
    private static final String[] FAMILY_CHANNELS = { "WECHAT_PAY", "AUTO_DEBIT_ICBC", "AUTO_DEBIT_CCB", "AUTO_DEBIT_ABC",
            "AUTO_DEBIT_BOC", "ALIPAY", "APP", "MOBILE_BANKING", "ONLINE_BANKING", "SELF_SERVICE_TERMINAL" };
    private static final double[] FAMILY_WEIGHTS = { 0.30, 0.09, 0.08, 0.07, 0.06, 0.12, 0.08, 0.10, 0.05, 0.05 };
    private static final String[] ELDERLY_CHANNELS = { "OFFICE_COUNTER", "BANK_COUNTER", "AUTO_DEBIT_RCB", "AUTO_DEBIT_ABC",
            "POST_OFFICE", "COMMUNITY_AGENT", "CONVENIENCE_STORE", "SELF_SERVICE_TERMINAL", "WECHAT_PAY", "PHONE_95598" };
    private static final double[] ELDERLY_WEIGHTS = { 0.25, 0.15, 0.12, 0.08, 0.10, 0.10, 0.05, 0.05, 0.08, 0.02 };
    private static final String[] SHOP_CHANNELS = { "WECHAT_PAY", "ALIPAY", "BANK_TRANSFER", "ONLINE_BANKING",
            "OFFICE_COUNTER", "AUTO_DEBIT_ICBC", "AUTO_DEBIT_CCB" };
    private static final double[] SHOP_WEIGHTS = { 0.25, 0.15, 0.20, 0.15, 0.10, 0.08, 0.07 };
    private static final String[] HV_CHANNELS = { "BANK_TRANSFER", "ONLINE_BANKING", "AUTO_DEBIT_ICBC", "AUTO_DEBIT_BOC",
            "OFFICE_COUNTER" };
    private static final double[] HV_WEIGHTS = { 0.60, 0.25, 0.05, 0.05, 0.05 };
    private static final String[] PREPAID_CHANNELS = { "WECHAT_PAY", "ALIPAY", "APP", "PREPAID_CARD", "SELF_SERVICE_TERMINAL" };
    private static final double[] PREPAID_WEIGHTS = { 0.40, 0.25, 0.15, 0.10, 0.10 };

    static CustomerProfile of(GenerationRequest request, UtilityLayout layout, int index) {
        SplittableRandom random = Seeds.random(request.seed(), index, Seeds.PROFILE);
        boolean hv = index >= layout.lvCustomers;
        double roll = random.nextDouble();
        Segment segment;
        String tariff;
        if (hv) {
            segment = roll < 0.55 ? Segment.COMMERCIAL : Segment.INDUSTRIAL;
            tariff = segment == Segment.COMMERCIAL ? "COMMERCIAL_HV" : "LARGE_INDUSTRIAL";
        } else if (roll < 0.08) {
            segment = Segment.SHOP;
            tariff = "COMMERCIAL_LV";
        } else {
            double age = random.nextDouble();
            segment = age < 0.30 ? Segment.YOUNG_HOUSEHOLD : age < 0.75 ? Segment.FAMILY_HOUSEHOLD : Segment.ELDERLY_HOUSEHOLD;
            tariff = random.nextDouble() < 0.06 ? "RES_TOU" : "RES_TIERED";
        }
        double statusRoll = random.nextDouble();
        String status = statusRoll < 0.985 ? "ACTIVE" : statusRoll < 0.995 ? "SUSPENDED" : "CLOSED";
        boolean smart = hv || random.nextDouble() < request.smartMeterShare();
        boolean residential = tariff.startsWith("RES_");
        boolean prepaid = smart && residential && random.nextDouble() < 0.08;

        double payerRoll = random.nextDouble();
        double punctual = hv ? 0.80 : segment == Segment.ELDERLY_HOUSEHOLD ? 0.78 : 0.68;
        double late = hv ? 0.17 : 0.27;
        Payer payer = payerRoll < punctual ? Payer.PUNCTUAL
                : payerRoll < punctual + late ? Payer.OCCASIONALLY_LATE : Payer.CHRONIC_ARREARS;

        String[] channels;
        double[] weights;
        if (prepaid) {
            channels = PREPAID_CHANNELS;
            weights = PREPAID_WEIGHTS;
        } else {
            switch (segment) {
                case YOUNG_HOUSEHOLD -> { channels = YOUNG_CHANNELS; weights = YOUNG_WEIGHTS; }
                case FAMILY_HOUSEHOLD -> { channels = FAMILY_CHANNELS; weights = FAMILY_WEIGHTS; }
                case ELDERLY_HOUSEHOLD -> { channels = ELDERLY_CHANNELS; weights = ELDERLY_WEIGHTS; }
                case SHOP -> { channels = SHOP_CHANNELS; weights = SHOP_WEIGHTS; }
                default -> { channels = HV_CHANNELS; weights = HV_WEIGHTS; }
            }
        }
        double median = switch (segment) {
            case YOUNG_HOUSEHOLD -> 150;
            case FAMILY_HOUSEHOLD -> 230;
            case ELDERLY_HOUSEHOLD -> 140;
            case SHOP -> 900;
            case COMMERCIAL -> 60_000;
            case INDUSTRIAL -> 250_000;
        };
        double spread = hv ? 0.9 : segment == Segment.SHOP ? 0.8 : 0.5;
        double base = median * Math.exp(random.nextGaussian() * spread);
        int kva = hv ? 315 * (1 + (int) Math.min(15, base / 40_000)) : 0;
        LocalDate opened = request.asOf().minusDays(400 + random.nextInt(30 * 365));
        String primary = draw(channels, weights, random.nextDouble());
        return new CustomerProfile(index, hv, tariff, segment, status, smart, prepaid, payer, primary, channels,
                weights, base, kva, opened);
    }

    /** The channel of one payment: mostly the customer's habit, sometimes another one their segment uses. */
    String channel(SplittableRandom random) {
        return random.nextDouble() < 0.85 ? primaryChannel : draw(channels, channelWeights, random.nextDouble());
    }

    private static String draw(String[] channels, double[] weights, double roll) {
        for (int i = 0; i < channels.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return channels[i];
            }
        }
        return channels[0];
    }

    boolean timeOfUse() {
        return "RES_TOU".equals(tariffCode) || highVoltage;
    }
}
