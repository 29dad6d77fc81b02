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

    /** |a - b| / b: how far {@code a} is from {@code b}, relative to {@code b}. */
    public static double relativeDifference(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }
}
