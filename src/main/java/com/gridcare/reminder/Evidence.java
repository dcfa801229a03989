package com.gridcare.reminder;

/**
 * One customer's own evidence ({@code channel_evidence}): per channel, contacts that converted and that did not, and at
 * {@link ResponseModels#UNCONTACTED} bills paid on time or not that no contact caused. Counts are fractional (see
 * {@link ChannelRecommender#learn}).
 */
final class Evidence {

    final double[] successes = new double[ResponseModels.UNCONTACTED + 1];
    final double[] failures = new double[ResponseModels.UNCONTACTED + 1];
    final int[] contacts = new int[ResponseModels.UNCONTACTED + 1];
}
