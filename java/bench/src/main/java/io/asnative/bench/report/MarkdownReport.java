package io.asnative.bench.report;

import io.asnative.bench.report.Results.Figure;
import io.asnative.bench.report.Results.JmhFigure;
import io.asnative.bench.report.Tables.SeedRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** report.md: every table of a run, from its {@link Results} alone. */
public final class MarkdownReport {

    /** Latency workloads of the seed tables, in order; others (batch sizes) are appended as found. */
    private static final List<String> NATIVE = List.of("ffm", "jni");

    private MarkdownReport() {
    }

    public static String render(Results r) {
        StringBuilder b = new StringBuilder();
        b.append("# asbench report\n\n");
        b.append("Measured ").append(r.date()).append(" in ").append(String.format(Locale.ROOT, "%.0f", r.durationSeconds()))
                .append(" s with:\n\n```\n").append(r.command()).append("\n```\n\n");
        b.append(environment(r));
        b.append(contestants(r));
        b.append("## Sync gap (the seed's table)\n\n");
        b.append("Per round: wall time of the loop / ops; avg and stdev over rounds. Batch rows are per call, ")
                .append("`batch-job` per record.\n\n");
        b.append(seedTables(r));
        b.append(pairedRatios(r));
        b.append(medians(r));
        b.append(bars(r));
        b.append(percentiles(r));
        b.append(cpu(r));
        b.append(job(r));
        b.append(throughput(r));
        b.append(jmh(r));
        b.append("## Charts\n\n");
        for (String chart : Charts.FILES) {
            b.append("![").append(chart).append("](").append(chart).append(")\n");
        }
        b.append('\n');
        if (!r.notes().isEmpty()) {
            b.append("## Notes\n\n");
            for (String n : r.notes()) {
                b.append("- ").append(n).append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String environment(Results r) {
        List<List<String>> rows = new ArrayList<>();
        r.machine().forEach((k, v) -> rows.add(List.of("machine." + k, v)));
        r.jdk().forEach((k, v) -> rows.add(List.of("jdk." + k, v)));
        r.versions().forEach((k, v) -> rows.add(List.of(k, v)));
        r.config().forEach((k, v) -> rows.add(List.of("config." + k, String.valueOf(v))));
        return "## Environment\n\n" + Tables.markdown(List.of("what", "value"), rows) + "\n";
    }

    static String contestants(Results r) {
        List<List<String>> rows = new ArrayList<>();
        for (Results.ContestantInfo c : r.contestants()) {
            rows.add(List.of(c.name(), c.available() ? "yes" : "no", c.cClient() == null ? "-" : c.cClient(),
                    c.reason() == null ? "" : c.reason()));
        }
        return "## Contestants\n\n" + Tables.markdown(List.of("contestant", "ran", "C client", "note"), rows) + "\n";
    }

    /** Latency workloads in run order (put, get, batch gets, batch job). */
    static List<String> latencyWorkloads(Results r) {
        Set<String> ids = new LinkedHashSet<>();
        for (Figure f : r.figures()) {
            if (f.avgNs() != null) {
                ids.add(f.workload());
            }
        }
        return new ArrayList<>(ids);
    }

    static boolean ran(Results r, String contestant) {
        return r.figures().stream().anyMatch(f -> f.contestant().equals(contestant));
    }

    /** The seed's rows for A against B over the latency workloads both ran. */
    public static List<SeedRow> seedRows(Results r, String a, String b) {
        List<SeedRow> rows = new ArrayList<>();
        for (String w : latencyWorkloads(r)) {
            Figure fa = r.figure(a, w);
            Figure fb = r.figure(b, w);
            if (fa != null && fb != null) {
                double paired = io.asnative.bench.stats.Stats.pairedRatio(fa.roundValues(), fb.roundValues());
                rows.add(new SeedRow(w, fa.avgNs(), fb.avgNs(), fa.stdevNs(), fb.stdevNs(), Double.isNaN(paired) ? null : paired));
            }
        }
        return rows;
    }

    static String seedTables(Results r) {
        StringBuilder b = new StringBuilder();
        List<String[]> pairs = new ArrayList<>();
        for (String n : NATIVE) {
            pairs.add(new String[] {n, "java"});
            pairs.add(new String[] {n, "c"});
        }
        pairs.add(new String[] {"java", "c"});
        if (ran(r, "ffm") && ran(r, "jni")) {
            pairs.add(new String[] {"ffm", "jni"});
        }
        for (String[] p : pairs) {
            if (!ran(r, p[0]) || !ran(r, p[1])) {
                continue;
            }
            List<SeedRow> rows = seedRows(r, p[0], p[1]);
            if (rows.isEmpty()) {
                continue;
            }
            b.append("### ").append(p[0]).append(" vs ").append(p[1]).append("\n\n```\n")
                    .append(Tables.seedTable(p[0], p[1], rows)).append("```\n\n");
        }
        return b.toString();
    }

    static String pairedRatios(Results r) {
        List<List<String>> rows = new ArrayList<>();
        for (String[] p : io.asnative.bench.Comparison.PAIRS) {
            for (SeedRow row : seedRows(r, p[0], p[1])) {
                Figure fa = r.figure(p[0], row.op());
                Figure fb = r.figure(p[1], row.op());
                double cpu = io.asnative.bench.stats.Stats.pairedRatio(fa.cpuRoundValues(), fb.cpuRoundValues());
                Double cpuDiff = fa.cpuNsPerOp() == null || fb.cpuNsPerOp() == null ? null : fa.cpuNsPerOp() - fb.cpuNsPerOp();
                rows.add(List.of(p[0] + "/" + p[1], row.op(), Tables.ratio(row.ratio()), Tables.ratio(row.pairedRatio()),
                        Tables.ratio(Double.isNaN(cpu) ? null : cpu), Tables.us(cpuDiff)));
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        return "### Ratios: mean (the seed's) and paired\n\n"
                + "Paired: the median over rounds of A's round / B's round. Rounds are interleaved, so each pair ran "
                + "back to back; machine noise that slows both cancels out. CPU: the same for client CPU time per op.\n\n"
                + Tables.markdown(List.of("pair", "op", "ratio of means", "paired ratio (median)", "paired CPU ratio",
                        "CPU A - B us/op"), rows) + "\n";
    }

    /** Median over rounds of each round's wall and CPU time per op: robust against a few disturbed rounds. */
    static String medians(Results r) {
        List<String> names = contestantOrder(r);
        List<List<String>> rows = new ArrayList<>();
        for (String w : latencyWorkloads(r)) {
            List<String> row = new ArrayList<>(List.of(w));
            for (String c : names) {
                Figure f = r.figure(c, w);
                if (f == null || f.roundValues() == null) {
                    row.add("-");
                    continue;
                }
                double wall = io.asnative.bench.stats.Stats.median(present(f.roundValues()));
                double cpu = f.cpuRoundValues() == null ? Double.NaN : io.asnative.bench.stats.Stats.median(present(f.cpuRoundValues()));
                row.add(Tables.us(Double.isNaN(wall) ? null : wall) + " / " + Tables.us(Double.isNaN(cpu) ? null : cpu));
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return "";
        }
        List<String> header = new ArrayList<>(List.of("median us/op: wall / CPU"));
        header.addAll(names);
        return "### Medians over rounds\n\n"
                + "The median of the rounds' wall time per op and of their client CPU time per op: a few rounds "
                + "disturbed by other work on the machine move the mean, not the median.\n\n"
                + Tables.markdown(header, rows) + "\n";
    }

    private static List<Double> present(List<Double> values) {
        List<Double> out = new ArrayList<>();
        for (Double v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** The binding-overhead bar of issue 2: FFM over raw C. */
    public static List<List<String>> barRows(Results r) {
        List<List<String>> rows = new ArrayList<>();
        for (String w : List.of("put", "get", "batch-get-5000")) {
            Figure f = r.figure("ffm", w);
            Figure c = r.figure("c", w);
            if (f == null || c == null || f.avgNs() == null || c.avgNs() == null) {
                continue;
            }
            double diff = f.avgNs() - c.avgNs();
            double rel = diff / c.avgNs();
            boolean batch = w.startsWith("batch");
            boolean pass = batch ? rel <= 0.05 : diff <= 2000 && rel <= 0.03;
            double paired = io.asnative.bench.stats.Stats.pairedRatio(f.roundValues(), c.roundValues()) - 1;
            double medianDiff = io.asnative.bench.stats.Stats.median(present(f.roundValues()))
                    - io.asnative.bench.stats.Stats.median(present(c.roundValues()));
            rows.add(List.of(w, Tables.us(f.avgNs()), Tables.us(c.avgNs()), Tables.us(diff), Tables.percent(rel),
                    Double.isNaN(paired) ? "-" : Tables.percent(paired),
                    Double.isNaN(medianDiff) ? "-" : Tables.us(medianDiff),
                    batch ? "<= 5%" : "<= 2 us and <= 3%", pass ? "met" : "NOT met",
                    Double.isNaN(paired) ? "-" : (batch ? paired <= 0.05 : paired <= 0.03 && medianDiff <= 2000) ? "met" : "NOT met"));
        }
        return rows;
    }

    static String bars(Results r) {
        List<List<String>> rows = barRows(r);
        if (rows.isEmpty()) {
            return "";
        }
        return "## Binding overhead bar (issue 2): ffm over c\n\n"
                + Tables.markdown(List.of("op", "ffm us", "c us", "ffm - c us", "relative", "paired relative",
                "median ffm - c us", "bar", "verdict (means)", "verdict (paired, median)"), rows)
                + "\n";
    }

    static List<String> contestantOrder(Results r) {
        Set<String> names = new LinkedHashSet<>();
        for (Figure f : r.figures()) {
            names.add(f.contestant());
        }
        return new ArrayList<>(names);
    }

    static String percentiles(Results r) {
        List<List<String>> rows = new ArrayList<>();
        for (String w : latencyWorkloads(r)) {
            for (String c : contestantOrder(r)) {
                Figure f = r.figure(c, w);
                if (f != null && f.p50Ns() != null) {
                    rows.add(List.of(w, c, f.unit(), Tables.us(f.avgNs()), Tables.us(f.p50Ns()), Tables.us(f.p99Ns()),
                            Tables.us(f.p999Ns()), Long.toString(f.errors())));
                }
            }
        }
        return "## Latency percentiles (HdrHistogram over every sample of every round)\n\n"
                + "Per op for put/get, per call for batch gets, per batch (get + write of `keys` records) for the batch job.\n\n"
                + Tables.markdown(List.of("workload", "contestant", "sample", "avg us/op", "p50 us", "p99 us", "p99.9 us", "errors"), rows)
                + "\n";
    }

    static String cpu(Results r) {
        List<String> names = contestantOrder(r);
        List<List<String>> rows = new ArrayList<>();
        for (String w : latencyWorkloads(r)) {
            List<String> row = new ArrayList<>();
            row.add(w);
            for (String c : names) {
                Figure f = r.figure(c, w);
                row.add(f == null ? "-" : Tables.us(f.cpuNsPerOp())
                        + (f.threadCpuNsPerOp() == null ? "" : " (" + Tables.us(f.threadCpuNsPerOp()) + ")"));
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>();
        header.add("workload");
        header.addAll(names);
        return "## Client CPU time per op (us)\n\n"
                + "The client process's CPU time (user + system, every thread: callers, GC, JIT, the client's own "
                + "threads) over the measured loops, divided by ops; in parentheses the calling thread's own CPU time. "
                + "For `c` from its own getrusage. Per call for batch gets, per record for the batch job.\n\n"
                + Tables.markdown(header, rows) + "\n";
    }

    static String job(Results r) {
        List<List<String>> rows = new ArrayList<>();
        for (String c : contestantOrder(r)) {
            Figure f = r.figure(c, "batch-job");
            if (f != null) {
                rows.add(List.of(c, Tables.count(f.throughputPerSec()), Tables.us(f.avgNs()), Tables.us(f.stdevNs()),
                        Tables.us(f.cpuNsPerOp()), Integer.toString(f.rounds()), Long.toString(f.errors())));
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        return "## Batch job: read-modify-write in batches\n\n"
                + "Each pass batch-reads `keys` records, then batch-writes them back modified (age + 1, score + 1.0).\n\n"
                + Tables.markdown(List.of("contestant", "records/s", "us/record", "stdev us", "CPU us/record", "passes", "errors"), rows)
                + "\n";
    }

    static String throughput(Results r) {
        List<String> names = new ArrayList<>();
        Set<String> workloads = new LinkedHashSet<>();
        for (Figure f : r.figures()) {
            if (f.throughputStdev() != null) {
                workloads.add(f.workload());
                if (!names.contains(f.contestant())) {
                    names.add(f.contestant());
                }
            }
        }
        if (workloads.isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> cpuRows = new ArrayList<>();
        for (String w : workloads) {
            List<String> row = new ArrayList<>(List.of(w));
            List<String> cpuRow = new ArrayList<>(List.of(w));
            for (String c : names) {
                Figure f = r.figure(c, w);
                row.add(f == null ? "-" : Tables.count(f.throughputPerSec()) + " ± " + Tables.count(f.throughputStdev())
                        + (f.errors() > 0 ? " (" + f.errors() + " err)" : ""));
                cpuRow.add(f == null ? "-" : Tables.us(f.cpuNsPerOp()));
            }
            rows.add(row);
            cpuRows.add(cpuRow);
        }
        List<String> header = new ArrayList<>();
        header.add("gets/s");
        header.addAll(names);
        List<String> cpuHeader = new ArrayList<>();
        cpuHeader.add("CPU us/get");
        cpuHeader.addAll(names);
        return "## Throughput (gets/s, mean ± stdev over rounds)\n\n"
                + "`tput-platform-N`: N platform threads; `tput-virtual-N`: N virtual threads; `tput-async-N`: N commands "
                + "in flight on the async API's event loops. `rtt-*`: the same while the embedded server delays every "
                + "response (config `rttMicros`), a simulated network round trip: there throughput is concurrency / round "
                + "trip, and a virtual thread pinned by a foreign call holds its carrier for the whole round trip.\n\n"
                + Tables.markdown(header, rows) + "\n" + Tables.markdown(cpuHeader, cpuRows) + "\n";
    }

    static String jmh(Results r) {
        if (r.jmh().isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        for (JmhFigure j : r.jmh()) {
            rows.add(List.of(j.benchmark(), j.params(), String.format(Locale.ROOT, "%.1f", j.score()),
                    String.format(Locale.ROOT, "± %.1f", j.error()), j.unit()));
        }
        return "## Layer costs (JMH, avgt, 1 fork)\n\n"
                + Tables.markdown(List.of("benchmark", "params", "score", "error (99.9%)", "unit"), rows) + "\n";
    }

    /** For tests and callers that need one value per config key. */
    static String config(Map<String, Object> config, String key) {
        Object v = config.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
