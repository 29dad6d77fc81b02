package io.asnative.bench;

import io.asnative.bench.report.MarkdownReport;
import io.asnative.bench.report.Results;
import io.asnative.bench.report.Tables;
import io.asnative.bench.report.Tables.SeedRow;
import io.asnative.bench.stats.Stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The reproducibility check: the same ratio (contestant A's avg over B's, per workload) in two
 * runs, and how far apart they are relative to the first. Three ratios per line: the seed's ratio
 * of mean wall times, the paired wall ratio, and the paired ratio of client CPU time. The last one
 * leaves out the server's time, which is in every wall time and differs from one server JVM to
 * the next (1.6 to 2.8 ms of a 5,000-key batch over one day's runs), so it is the stable measure
 * of what a client costs.
 */
public record Comparison(List<Line> lines, double tolerance) {

    public static final List<String[]> PAIRS = List.of(new String[] {"ffm", "java"}, new String[] {"ffm", "c"},
            new String[] {"jni", "java"}, new String[] {"jni", "c"}, new String[] {"java", "c"});

    /** One ratio in both runs: the seed's ratio of means, the paired wall ratio and the paired CPU ratio. */
    public record Line(String pair, String workload, double ratioA, double ratioB, double pairedA, double pairedB,
                       double cpuA, double cpuB) {
        public double difference() {
            return Stats.relativeDifference(ratioB, ratioA);
        }

        public double pairedDifference() {
            return Stats.relativeDifference(pairedB, pairedA);
        }

        public double cpuDifference() {
            return Stats.relativeDifference(cpuB, cpuA);
        }
    }

    public static Comparison of(Results a, Results b, double tolerance) {
        List<Line> lines = new ArrayList<>();
        for (String[] p : PAIRS) {
            List<SeedRow> ra = MarkdownReport.seedRows(a, p[0], p[1]);
            List<SeedRow> rb = MarkdownReport.seedRows(b, p[0], p[1]);
            for (SeedRow x : ra) {
                for (SeedRow y : rb) {
                    if (x.op().equals(y.op()) && x.ratio() != null && y.ratio() != null) {
                        lines.add(new Line(p[0] + "/" + p[1], x.op(), x.ratio(), y.ratio(),
                                x.pairedRatio() == null ? Double.NaN : x.pairedRatio(),
                                y.pairedRatio() == null ? Double.NaN : y.pairedRatio(),
                                pairedCpu(a, p, x.op()), pairedCpu(b, p, x.op())));
                    }
                }
            }
        }
        return new Comparison(List.copyOf(lines), tolerance);
    }

    private static double pairedCpu(Results r, String[] pair, String workload) {
        return Stats.pairedRatio(r.figure(pair[0], workload).cpuRoundValues(), r.figure(pair[1], workload).cpuRoundValues());
    }

    private static String percent(double difference) {
        return Double.isNaN(difference) ? "-" : String.format(Locale.ROOT, "%.1f%%", difference * 100);
    }

    private static String ratio(double r) {
        return Tables.ratio(Double.isNaN(r) ? null : r);
    }

    private long within(ToDoubleFunction<Line> difference) {
        return lines.stream().filter(l -> difference.applyAsDouble(l) <= tolerance).count();
    }

    public boolean allWithin() {
        return !lines.isEmpty() && lines.stream().allMatch(l -> l.difference() <= tolerance);
    }

    public String render() {
        List<List<String>> rows = new ArrayList<>();
        for (Line l : lines) {
            rows.add(List.of(l.pair(), l.workload(), Tables.ratio(l.ratioA()), Tables.ratio(l.ratioB()),
                    percent(l.difference()), l.difference() <= tolerance ? "within" : "OUTSIDE",
                    ratio(l.pairedA()), ratio(l.pairedB()), percent(l.pairedDifference()),
                    ratio(l.cpuA()), ratio(l.cpuB()), percent(l.cpuDifference())));
        }
        String bar = String.format(Locale.ROOT, "%.0f%% bar", tolerance * 100);
        return Tables.markdown(List.of("pair", "workload", "ratio A", "ratio B", "difference", bar,
                "paired A", "paired B", "paired difference", "CPU A", "CPU B", "CPU difference"), rows)
                + String.format(Locale.ROOT, "%n%d of %d ratios of means within %.0f%%; %d of %d paired ratios; "
                        + "%d of %d paired CPU ratios%n",
                within(Line::difference), lines.size(), tolerance * 100, within(Line::pairedDifference), lines.size(),
                within(Line::cpuDifference), lines.size());
    }
}
