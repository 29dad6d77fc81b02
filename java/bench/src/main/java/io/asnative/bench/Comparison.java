package io.asnative.bench;

import io.asnative.bench.report.MarkdownReport;
import io.asnative.bench.report.Results;
import io.asnative.bench.report.Tables;
import io.asnative.bench.report.Tables.SeedRow;
import io.asnative.bench.stats.Stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reproducibility check: the same ratio (contestant A's avg over B's, per workload) in two
 * runs, and how far apart they are relative to the first.
 */
public record Comparison(List<Line> lines, double tolerance) {

    public static final List<String[]> PAIRS = List.of(new String[] {"ffm", "java"}, new String[] {"ffm", "c"},
            new String[] {"jni", "java"}, new String[] {"jni", "c"}, new String[] {"java", "c"});

    /** One ratio in both runs: the seed's ratio of means, and the paired (median per-round) ratio. */
    public record Line(String pair, String workload, double ratioA, double ratioB, double pairedA, double pairedB) {
        public double difference() {
            return Stats.relativeDifference(ratioB, ratioA);
        }

        public double pairedDifference() {
            return Stats.relativeDifference(pairedB, pairedA);
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
                                y.pairedRatio() == null ? Double.NaN : y.pairedRatio()));
                    }
                }
            }
        }
        return new Comparison(List.copyOf(lines), tolerance);
    }

    public boolean allWithin() {
        return !lines.isEmpty() && lines.stream().allMatch(l -> l.difference() <= tolerance);
    }

    public String render() {
        List<List<String>> rows = new ArrayList<>();
        for (Line l : lines) {
            rows.add(List.of(l.pair(), l.workload(), Tables.ratio(l.ratioA()), Tables.ratio(l.ratioB()),
                    String.format(Locale.ROOT, "%.1f%%", l.difference() * 100),
                    l.difference() <= tolerance ? "within" : "OUTSIDE",
                    Tables.ratio(Double.isNaN(l.pairedA()) ? null : l.pairedA()), Tables.ratio(Double.isNaN(l.pairedB()) ? null : l.pairedB()),
                    Double.isNaN(l.pairedDifference()) ? "-" : String.format(Locale.ROOT, "%.1f%%", l.pairedDifference() * 100)));
        }
        String bar = String.format(Locale.ROOT, "%.0f%% bar", tolerance * 100);
        return Tables.markdown(List.of("pair", "workload", "ratio A", "ratio B", "difference", bar,
                "paired A", "paired B", "paired difference"), rows)
                + String.format(Locale.ROOT, "%n%d of %d ratios of means within %.0f%%; %d of %d paired ratios%n",
                lines.stream().filter(l -> l.difference() <= tolerance).count(), lines.size(), tolerance * 100,
                lines.stream().filter(l -> l.pairedDifference() <= tolerance).count(), lines.size());
    }
}
