package io.asnative.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on stderr: one line per round, with an ETA. The ETA scales the remaining estimated
 * work by how long the work done so far took against its own estimate.
 */
final class Progress {

    private final PrintStream err;
    private final long start = System.nanoTime();
    private final double totalEstimate;
    private double doneEstimate;

    Progress(PrintStream err, double totalEstimateSeconds) {
        this.err = err;
        this.totalEstimate = totalEstimateSeconds;
    }

    void note(String message) {
        err.printf(Locale.ROOT, "[%5.0fs] %s%n", elapsed(), message);
        err.flush();
    }

    /** After a round: {@code estimate} is the estimated seconds of the round just done. */
    void round(String workload, int round, int rounds, String detail, double estimate) {
        doneEstimate += estimate;
        err.printf(Locale.ROOT, "[%5.0fs] %-18s round %2d/%-2d %s  ETA %s%n", elapsed(), workload, round, rounds, detail, eta());
        err.flush();
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }

    String eta() {
        if (doneEstimate <= 0) {
            return "?";
        }
        double factor = elapsed() / doneEstimate;
        long s = Math.max(0, Math.round((totalEstimate - doneEstimate) * factor));
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
