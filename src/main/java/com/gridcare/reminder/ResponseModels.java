package com.gridcare.reminder;

/**
 * The segment level of what the recommender learns, shared by every customer: per contact channel a logistic model of
 * the chance that a contact makes a customer pay on time who would not have (the conversion), and one more of paying
 * on time without any contact. Online: each settled bill is one AdaGrad step, so the models follow
 * customers as they change. A customer's own evidence ({@link Evidence}) is shrunk toward these.
 */
final class ResponseModels {

    /** The model of paying on time without a contact, after the channels' models. */
    static final int UNCONTACTED = ContactOption.count();

    /** A first contact converts one in ten who would not have paid: optimistic enough for every channel to be tried. */
    private static final double INITIAL_CONVERSION = 0.1;
    private static final double INITIAL_ON_TIME_UNSCORED = 0.94;
    private static final double LEARNING_RATE = 0.3;
    private static final double L2 = 1e-4;


    private final double[][] weights = new double[UNCONTACTED + 1][Features.SIZE];
    private final double[][] squaredGradients = new double[UNCONTACTED + 1][Features.SIZE];

    private final double[] observations = new double[UNCONTACTED + 1];

    ResponseModels() {
        for (int option = 0; option < UNCONTACTED; option++) {
            weights[option][0] = Features.logit(INITIAL_CONVERSION);
        }
        // uncontacted, a scored account pays on time as its risk score says (P(on time) = 1 − P(late))
        weights[UNCONTACTED][Features.RISK_LOGIT] = -1;
        weights[UNCONTACTED][Features.RISK_UNKNOWN] = Features.logit(INITIAL_ON_TIME_UNSCORED);
    }

    /** The segment's chance that a contact on {@code option} converts a customer with features {@code x}. */
    double conversion(int option, double[] x) {
        return predict(option, x);
    }

    /** The segment's chance that a customer with features {@code x} pays on time uncontacted. */
    double onTimeUncontacted(double[] x) {
        return predict(UNCONTACTED, x);
    }

    /**
     * One step on a bill's outcome, by the exact likelihood of the model: uncontacted the customer pays on time with
     * probability p, and each contact i converts one who would not have with probability q_i, so the bill stays unpaid
     * on time with probability N = (1 − p) · Π(1 − q_i). Stepping each model along the gradient of log P(outcome) keeps
     * the estimates unbiased: crediting a payment to the contacts by the current estimates would hold a channel that
     * started low, low.
     */
    void learn(double[] x, int[] contacts, boolean paidOnTime) {
        double p = predict(UNCONTACTED, x);
        double[] q = new double[contacts.length];
        double unpaid = 1 - p;
        for (int i = 0; i < contacts.length; i++) {
            q[i] = predict(contacts[i], x);
            unpaid *= 1 - q[i];
        }
        double paid = Math.max(1 - unpaid, 1e-12);
        // d log P(outcome) / d logit of each model
        step(UNCONTACTED, x, paidOnTime ? unpaid * p / paid : -p);
        for (int i = 0; i < contacts.length; i++) {
            step(contacts[i], x, paidOnTime ? unpaid * q[i] / paid : -q[i]);
        }
    }

    private void step(int model, double[] x, double ascent) {
        double[] w = weights[model];
        double[] g2 = squaredGradients[model];
        for (int i = 0; i < w.length; i++) {
            if (x[i] == 0) {
                continue;
            }
            double gradient = -ascent * x[i] + L2 * w[i];
            g2[i] += gradient * gradient;
            w[i] -= LEARNING_RATE * gradient / Math.sqrt(g2[i] + 1e-8);
        }
        observations[model]++;
    }

    double observations(int model) {
        return observations[model];
    }

    double[] weights(int model) {
        return weights[model].clone();
    }

    double[] squaredGradients(int model) {
        return squaredGradients[model].clone();
    }

    /** Restores one model as stored; a vector of another length (features added since) leaves the initial model. */
    void restore(int model, double[] storedWeights, double[] storedSquares, double storedObservations) {
        if (storedWeights.length != Features.SIZE || storedSquares.length != Features.SIZE) {
            return;
        }
        System.arraycopy(storedWeights, 0, weights[model], 0, Features.SIZE);
        System.arraycopy(storedSquares, 0, squaredGradients[model], 0, Features.SIZE);
        observations[model] = storedObservations;
    }

    private double predict(int model, double[] x) {
        double z = 0;
        double[] w = weights[model];
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
