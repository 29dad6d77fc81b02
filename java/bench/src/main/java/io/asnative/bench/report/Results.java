package io.asnative.bench.report;

import io.asnative.bench.Workload;
import io.asnative.bench.stats.Summary;

import java.util.List;
import java.util.Map;

/**
 * Everything a run measured, as written to {@code results.json} (schema 1). Missing figures are
 * null, never NaN. The report, the charts and {@code asbench compare} read only this.
 *
 * @param command   the command line that produced the run
 * @param config    the resolved options (ops, rounds, warmup, ...)
 * @param figures   one per contestant and workload
 * @param jmh       the layer costs, empty when JMH did not run
 */
public record Results(int schema, String date, String command, double durationSeconds,
                      Map<String, String> machine, Map<String, String> jdk, Map<String, String> versions,
                      Map<String, Object> config, List<ContestantInfo> contestants, List<Figure> figures,
                      List<JmhFigure> jmh, List<String> notes) {

    public static final int SCHEMA = 1;

    public Results {
        figures = List.copyOf(figures);
        jmh = List.copyOf(jmh);
        contestants = List.copyOf(contestants);
        notes = List.copyOf(notes);
    }

    public Results withJmh(List<JmhFigure> jmhFigures) {
        return new Results(schema, date, command, durationSeconds, machine, jdk, versions, config, contestants,
                figures, jmhFigures, notes);
    }

    /** Whether a contestant ran, and if not, why. */
    public record ContestantInfo(String name, boolean available, String reason, String cClient) {
    }

    /**
     * One contestant on one workload. For latency workloads {@code avgNs}/{@code stdevNs} are the
     * mean and sample standard deviation over rounds of each round's wall time per op; for
     * throughput workloads {@code throughputPerSec}/{@code throughputStdev} are over rounds.
     *
     * @param unit         what one op is: "op", "batch" (one call of {@code keys} keys) or "record"
     * @param cpuNsPerOp   the client process's CPU time per op (all its threads)
     * @param threadCpuNsPerOp the calling thread's CPU time per op (JVM sync workloads only)
     * @param roundValues  each round's ns per op (ops/s for throughput)
     * @param cpuRoundValues each round's client CPU ns per op
     */
    public record Figure(String contestant, String workload, String kind, String unit, int keys, int threads,
                         String threadKind, int rounds, long ops, long errors,
                         Double avgNs, Double stdevNs, Double p50Ns, Double p99Ns, Double p999Ns,
                         Double throughputPerSec, Double throughputStdev, Double cpuNsPerOp, Double threadCpuNsPerOp,
                         List<Double> roundValues, List<Double> cpuRoundValues) {

        public static Figure of(Summary s) {
            Workload w = s.workload();
            boolean tput = w.isThroughput();
            return new Figure(s.contestant(), w.id(), w.kind().name(), w.kind().unit(), w.keys(), w.threads(),
                    w.threadKind().name(), s.rounds().size(), s.totalOps(), s.totalErrors(),
                    tput ? null : num(s.avg()), tput ? null : num(s.stdev()),
                    num(s.percentileNs(50)), num(s.percentileNs(99)), num(s.percentileNs(99.9)),
                    tput ? num(s.avg()) : num(s.throughput()), tput ? num(s.stdev()) : null,
                    num(s.cpuNsPerOp()), num(s.threadCpuNsPerOp()),
                    s.roundValues().stream().map(Figure::num).toList(),
                    s.cpuRoundValues().stream().map(Figure::num).toList());
        }

        private static Double num(double v) {
            return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
        }
    }

    /** One JMH benchmark: score and error in {@code unit} (ns/op for avgt). */
    public record JmhFigure(String benchmark, String params, String mode, double score, double error, String unit) {
    }

    public Figure figure(String contestant, String workload) {
        for (Figure f : figures) {
            if (f.contestant().equals(contestant) && f.workload().equals(workload)) {
                return f;
            }
        }
        return null;
    }
}
