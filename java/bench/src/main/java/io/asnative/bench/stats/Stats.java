package io.asnative.bench.stats;

import java.util.List;

/** Plain statistics over per-round values. */
public final class Stats {

    private Stats() {
    }

    public static double mean(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    /** Sample standard deviation (n - 1); 0 for a single value, NaN for none. */
    public static double stdev(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return Double.NaN;
        }
        if (n == 1) {
            return 0;
        }
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (n - 1));
    }

    /** a / b, NaN when either is missing or b is 0. */
    public static double ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return Double.NaN;
        }
        return a / b;
    }

    /** The median (mean of the middle two for an even count); NaN for none. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new java.util.ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The median over rounds of a[r] / b[r]. Rounds are interleaved, so a[r] and b[r] ran minutes
     * apart at most and shared the machine's state: noise that moves both cancels in their ratio.
     * NaN when the rounds do not pair up.
     */
    public static double pairedRatio(List<Double> a, List<Double> b) {
        if (a == null || b == null || a.isEmpty() || a.size() != b.size()) {
            return Double.NaN;
        }
        List<Double> ratios = new java.util.ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            Double x = a.get(i);
            Double y = b.get(i);
            if (x == null || y == null || y == 0) {
                return Double.NaN;
            }
            ratios.add(x / y);
        }
        return median(ratios);
    }

    /** |a - b| / b: how far {@code a} is from {@code b}, relative to {@code b}. */
    public static double relativeDifference(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }
}
