package com.gridcare.reminder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Chooses, for one bill reminder, the contact channel (or none) with the best expected net value, and learns from what
 * came of it. The same code serves the planner and the {@code channel-eval} simulator.
 *
 * <p>The model of a customer: uncontacted they pay on time with probability p; a contact on channel c makes one who
 * would not have paid on time pay with probability q_c. A contact is worth (1 − p) · q_c · value − cost(c). Both p and
 * each q_c have a Beta posterior: the prior's mean comes from the segment models ({@link ResponseModels}, learned over
 * all customers' features), its weight is a few observations, and the customer's own evidence is added to it, so a new
 * customer starts at their segment and an old one at what they showed. Thompson sampling explores: each decision draws
 * from the posteriors, except for channels costing more than {@code explorationCostLimit} (a call, a visit), which are
 * chosen only on their posterior mean, so no one "explores" a staff visit on a small bill. (Drawing them on large bills
 * too, and drawing the segment models' own uncertainty, were tried in the simulator and lost: BENCHMARKS.md.)
 */
final class ChannelRecommender {

    /** How strongly a customer is held to their segment, in observations (bills) of their own. */
    record Settings(double conversionPriorWeight, double onTimePriorWeight, double explorationCostLimit) {
    }

    private final ResponseModels models;
    private final Settings settings;

    ChannelRecommender(ResponseModels models, Settings settings) {
        this.models = models;
        this.settings = settings;
    }

    ResponseModels models() {
        return models;
    }

    /**
     * @param value what this bill being paid on time is worth (amount × value rate)
     * @param costs each channel's unit cost, by {@link ContactOption#ordinal()}
     */
    Decision decide(Customer customer, double[] x, Evidence evidence, double value, double[] costs,
            RandomGenerator random) {
        Beta onTime = onTime(x, evidence);
        double onTimeDrawn = onTime.draw(random);
        List<Expectation> expectations = new ArrayList<>();
        for (ContactOption option : customer.allowed()) {
            Beta conversion = conversion(option, x, evidence);
            double cost = costs[option.ordinal()];
            boolean explore = cost <= settings.explorationCostLimit();
            double upliftMean = (1 - onTime.mean()) * conversion.mean();
            double upliftDrawn = explore ? (1 - onTimeDrawn) * conversion.draw(random) : upliftMean;
            expectations.add(new Expectation(option, upliftMean, upliftDrawn, cost, upliftDrawn * value - cost));
        }
        expectations.sort(Comparator.comparingDouble(Expectation::netValue).reversed());
        List<ContactOption> worthIt = expectations.stream().filter(expectation -> expectation.netValue() > 0)
                .map(Expectation::channel).toList();
        return new Decision(worthIt, expectations);
    }

    /**
     * Takes in a bill's outcome after the contacts made before its due date ({@code contacts}, empty when none): the
     * segment models by the outcome's likelihood ({@link ResponseModels#learn}), and the customer's own evidence so.
     * Unpaid on time: the customer was one who would not have paid, and no contact converted them. Paid on time after
     * contacts: with probability r = (1 − p) · (1 − Π(1 − q_c)) / P(paid) a contact caused it; r is credited to the
     * contacts in proportion to their expected conversion and 1 − r to paying anyway (p and q_c at their posterior means
     * before this bill). A customer on auto-debit, whose p is near 1, thus credits a channel almost nothing.
     */
    void learn(double[] x, Evidence evidence, List<ContactOption> contacts, boolean paidOnTime) {
        int uncontacted = ResponseModels.UNCONTACTED;
        double onTimeBefore = onTime(x, evidence).mean();
        double[] conversionBefore = contacts.stream().mapToDouble(contact -> conversion(contact, x, evidence).mean())
                .toArray();
        models.learn(x, contacts.stream().mapToInt(ContactOption::ordinal).toArray(), paidOnTime);
        if (contacts.isEmpty()) {
            credit(uncontacted, evidence, paidOnTime ? 1 : 0, paidOnTime ? 0 : 1);
            return;
        }
        // the posteriors as they were before this bill: the models already took it in, so read them first
        double p = onTimeBefore;
        double[] q = new double[contacts.size()];
        double notConverted = 1;
        double conversionSum = 0;
        for (int i = 0; i < q.length; i++) {
            q[i] = conversionBefore[i];
            notConverted *= 1 - q[i];
            conversionSum += q[i];
        }
        for (ContactOption contact : contacts) {
            evidence.contacts[contact.ordinal()]++;
        }
        if (!paidOnTime) {
            credit(uncontacted, evidence, 0, 1);
            contacts.forEach(contact -> credit(contact.ordinal(), evidence, 0, 1));
            return;
        }
        double caused = (1 - p) * (1 - notConverted);
        double r = caused / (p + caused);
        credit(uncontacted, evidence, 1 - r, r);
        for (int i = 0; i < q.length; i++) {
            credit(contacts.get(i).ordinal(), evidence, conversionSum == 0 ? r / q.length : r * q[i] / conversionSum, 0);
        }
    }

    private static void credit(int model, Evidence evidence, double successes, double failures) {
        evidence.successes[model] += successes;
        evidence.failures[model] += failures;
    }

    private Beta onTime(double[] x, Evidence evidence) {
        return Beta.around(models.onTimeUncontacted(x), settings.onTimePriorWeight(), evidence,
                ResponseModels.UNCONTACTED);
    }

    private Beta conversion(ContactOption option, double[] x, Evidence evidence) {
        return Beta.around(models.conversion(option.ordinal(), x), settings.conversionPriorWeight(), evidence,
                option.ordinal());
    }

    /** A Beta posterior: a prior of {@code weight} observations at {@code mean}, plus the customer's evidence. */
    private record Beta(double alpha, double beta) {

        static Beta around(double mean, double weight, Evidence evidence, int model) {
            return new Beta(weight * mean + evidence.successes[model], weight * (1 - mean) + evidence.failures[model]);
        }

        double mean() {
            return alpha / (alpha + beta);
        }

        double draw(RandomGenerator random) {
            return new BetaDistribution(random, alpha, beta).sample();
        }
    }
}
