package io.watchmen.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Rounds of one side of a scenario (per second rates); the median is what the harness reports. */
final class Measurement {

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
}
