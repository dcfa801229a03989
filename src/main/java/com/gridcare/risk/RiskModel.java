package com.gridcare.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * A trained logistic regression with its isotonic calibration: the probability that a bill is paid late or not at all,
 * and the features that pushed an account's probability up the most (weight × distance from the training mean, in
 * log-odds).
 */
final class RiskModel {

    static final String LATE = "late";
    static final String ON_TIME = "on-time";
    private static final Label UNKNOWN = new Label("unknown");

    private final Model<Label> model;
    private final Calibration calibration;
    /** Log-odds weight of each feature for "late" (Tribuo keeps one weight vector per label). */
    private final Map<String, Double> weights;
    private final Map<String, Double> means;

    RiskModel(Model<Label> model, Calibration calibration, Map<String, Double> means) {
        this.model = model;
        this.calibration = calibration;
        this.means = means;
        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(-1);
        Map<String, Double> late = new HashMap<>();
        top.get(LATE).forEach(pair -> late.put(pair.getA(), pair.getB()));
        top.get(ON_TIME).forEach(pair -> late.merge(pair.getA(), -pair.getB(), Double::sum));
        this.weights = late;
    }

    Model<Label> tribuo() {
        return model;
    }

    Calibration calibration() {
        return calibration;
    }

    RiskModel calibrated(Calibration fitted) {
        return new RiskModel(model, fitted, means);
    }

    /** The model's own probability of "late", before calibration. */
    double raw(RiskFeatures.Vector vector) {
        var prediction = model.predict(new ArrayExample<>(UNKNOWN, vector.names(), vector.values()));
        return prediction.getOutputScores().get(LATE).getScore();
    }

    double probability(RiskFeatures.Vector vector) {
        return calibration.apply(raw(vector));
    }

    /** Up to {@code n} features that raise this account's risk, strongest first. */
    List<Driver> drivers(RiskFeatures.Vector vector, int n) {
        List<Driver> drivers = new ArrayList<>();
        for (int i = 0; i < vector.names().length; i++) {
            String name = vector.names()[i];
            double effect = weights.getOrDefault(name, 0.0) * (vector.values()[i] - means.getOrDefault(name, 0.0));
            if (effect > 0.01) {
                drivers.add(new Driver(name, Math.round(vector.values()[i] * 1000) / 1000.0,
                        Math.round(effect * 1000) / 1000.0));
            }
        }
        drivers.sort(Comparator.comparingDouble(Driver::effect).reversed());
        return drivers.size() > n ? List.copyOf(drivers.subList(0, n)) : drivers;
    }
}
