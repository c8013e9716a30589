package io.watchmen.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Rounds of one side of a scenario (per second rates); the median is what the harness reports. */
final class Measurement {

    /** Baseline and ours, round by round in the same order. */
    record Pair(Measurement baseline, Measurement ours) {

        /** The median of the per-round ratios ours / baseline: each pair ran back to back on the same machine. */
        double ratio() {
            Measurement ratios = new Measurement();
            for (int i = 0; i < Math.min(baseline.rates.size(), ours.rates.size()); i++) {
                ratios.add(ours.rates.get(i) / baseline.rates.get(i));
            }
            return ratios.median();
        }
    }

    private final List<Double> rates = new ArrayList<>();

    void add(double ratePerSecond) {
        rates.add(ratePerSecond);
    }

    double median() {
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    List<Double> rates() {
        return List.copyOf(rates);
    }

    /** Rates rounded for printing. */
    String printed() {
        StringBuilder text = new StringBuilder("[");
        for (double rate : rates) {
            text.append(text.length() > 1 ? ", " : "").append(String.format("%.0f", rate));
        }
        return text.append(']').toString();
    }
}
