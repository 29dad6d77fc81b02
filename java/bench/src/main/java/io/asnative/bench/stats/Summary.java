package io.asnative.bench.stats;

import io.asnative.bench.Workload;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every round of one contestant on one workload, folded into the figures of the report.
 *
 * <p>The headline value of a round is its mean time per op ({@code wall / ops}: the seed's
 * "avg"), or, for throughput workloads, its ops per second. {@link #avg()} and {@link #stdev()}
 * are taken over rounds, as the seed does. Percentiles come from every sample of every round,
 * recorded in one HdrHistogram (3 significant digits).
 */
public final class Summary {

    private static final long HIGHEST_NS = 3_600_000_000_000L;

    private final String contestant;
    private final Workload workload;
    private final List<RoundResult> rounds = new ArrayList<>();
    private final Histogram histogram = new Histogram(HIGHEST_NS, 3);

    public Summary(String contestant, Workload workload) {
        this.contestant = contestant;
        this.workload = workload;
    }

    public void add(RoundResult r) {
        rounds.add(r);
        if (r.samplesNs() != null) {
            for (long s : r.samplesNs()) {
                histogram.recordValue(Math.max(1, Math.min(s, HIGHEST_NS)));
            }
        }
    }

    public String contestant() {
        return contestant;
    }

    public Workload workload() {
        return workload;
    }

    public List<RoundResult> rounds() {
        return Collections.unmodifiableList(rounds);
    }

    /** Per-round headline values: ns per op, or ops/s for throughput. */
    public List<Double> roundValues() {
        List<Double> values = new ArrayList<>(rounds.size());
        for (RoundResult r : rounds) {
            values.add(workload.isThroughput() ? r.opsPerSecond() : r.nsPerOp());
        }
        return values;
    }

    /** Per-round client CPU time per op (ns). */
    public List<Double> cpuRoundValues() {
        List<Double> values = new ArrayList<>(rounds.size());
        for (RoundResult r : rounds) {
            values.add(r.ops() == 0 ? Double.NaN : (double) r.cpuNs() / r.ops());
        }
        return values;
    }

    public double avg() {
        return Stats.mean(roundValues());
    }

    public double stdev() {
        return Stats.stdev(roundValues());
    }

    public long totalOps() {
        return rounds.stream().mapToLong(RoundResult::ops).sum();
    }

    public long totalErrors() {
        return rounds.stream().mapToLong(RoundResult::errors).sum();
    }

    public long totalWallNs() {
        return rounds.stream().mapToLong(RoundResult::wallNs).sum();
    }

    /** Ops (records for the batch job, calls for batch gets) per second over all rounds. */
    public double throughput() {
        long wall = totalWallNs();
        return wall == 0 ? Double.NaN : totalOps() * 1e9 / wall;
    }

    /** The client process's CPU time per op (all its threads), in ns. */
    public double cpuNsPerOp() {
        long ops = totalOps();
        return ops == 0 ? Double.NaN : rounds.stream().mapToLong(RoundResult::cpuNs).sum() / (double) ops;
    }

    /** The measuring thread's CPU time per op, in ns; NaN when not measured. */
    public double threadCpuNsPerOp() {
        long ops = totalOps();
        if (ops == 0 || rounds.stream().anyMatch(r -> r.threadCpuNs() < 0)) {
            return Double.NaN;
        }
        return rounds.stream().mapToLong(RoundResult::threadCpuNs).sum() / (double) ops;
    }

    public boolean hasSamples() {
        return histogram.getTotalCount() > 0;
    }

    /** A percentile of the per-op samples in ns, NaN without samples. */
    public double percentileNs(double percentile) {
        return hasSamples() ? histogram.getValueAtPercentile(percentile) : Double.NaN;
    }
}
