package com.gridcare.reminder;

/** How a customer usually pays, from the payment channel of their latest payments ({@code payment_channel.kind}). */
public enum PaymentHabit {
    ONLINE, AUTO_DEBIT, BANK, COUNTER, AGENT, PHONE, PREPAID, UNKNOWN;

    /** {@code AUTO_DEBIT_*} channels are the bank kind that pays by itself; the others follow the channel's kind. */
    static PaymentHabit of(String channelCode, String channelKind) {
        if (channelCode == null) {
            return UNKNOWN;
        }
        if (channelCode.startsWith("AUTO_DEBIT_")) {
            return AUTO_DEBIT;
        }
        return switch (channelKind) {
            case "ONLINE" -> ONLINE;
            case "BANK" -> BANK;
            case "COUNTER" -> COUNTER;
            case "AGENT" -> AGENT;
            case "PHONE" -> PHONE;
            case "PREPAID" -> PREPAID;
            default -> UNKNOWN;
        };
    }
}
