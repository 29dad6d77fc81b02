package io.asnative.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text tables: the seed's plain-text comparison and Markdown tables. */
public final class Tables {

    private Tables() {
    }

    /** One row of the seed's table: times in ns (null = not measured). */
    public record SeedRow(String op, Double aAvgNs, Double bAvgNs, Double aStdevNs, Double bStdevNs, Double pairedRatio) {
        public SeedRow(String op, Double aAvgNs, Double bAvgNs, Double aStdevNs, Double bStdevNs) {
            this(op, aAvgNs, bAvgNs, aStdevNs, bStdevNs, null);
        }

        public Double ratio() {
            return aAvgNs == null || bAvgNs == null || bAvgNs == 0 ? null : aAvgNs / bAvgNs;
        }
    }

    /**
     * The seed's table, column for column:
     * <pre>
     * Op       |     Rust avg |        C avg |    Ratio |   Rust stdev |      C stdev
     * --------------------------------------------------------------------------------
     * put      |      0.126ms |      0.114ms |    1.11x |     0.0018ms |     0.0031ms
     * </pre>
     * Averages are printed with 4 decimals of a millisecond (0.1 us), one more than the seed, because
     * our gaps are a few microseconds; the Op column widens for longer names.
     */
    public static String seedTable(String a, String b, List<SeedRow> rows) {
        int opWidth = 8;
        for (SeedRow r : rows) {
            opWidth = Math.max(opWidth, r.op().length());
        }
        String fmt = "%-" + opWidth + "s | %12s | %12s | %8s | %12s | %12s";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, fmt, "Op", a + " avg", b + " avg", "Ratio", a + " stdev", b + " stdev"))
                .append('\n');
        out.append("-".repeat(opWidth + 72)).append('\n');
        for (SeedRow r : rows) {
            out.append(String.format(Locale.ROOT, fmt, r.op(), ms(r.aAvgNs()), ms(r.bAvgNs()), ratio(r.ratio()),
                    ms(r.aStdevNs()), ms(r.bStdevNs()))).append('\n');
        }
        return out.toString();
    }

    public static String ms(Double ns) {
        return ns == null ? "-" : String.format(Locale.ROOT, "%.4fms", ns / 1e6);
    }

    public static String ratio(Double r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }

    public static String us(Double ns) {
        if (ns == null) {
            return "-";
        }
        double us = ns / 1e3;
        return String.format(Locale.ROOT, us >= 100 ? "%.0f" : us >= 10 ? "%.1f" : "%.2f", us);
    }

    public static String count(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }

    public static String percent(Double fraction) {
        return fraction == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** A Markdown table; cells are used as given ("|" escaped). */
    public static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        b.append(row(header));
        List<String> sep = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            sep.add(i == 0 ? "---" : "---:");
        }
        b.append(row(sep));
        for (List<String> r : rows) {
            b.append(row(r));
        }
        return b.toString();
    }

    private static String row(List<String> cells) {
        StringBuilder b = new StringBuilder("|");
        for (String c : cells) {
            b.append(' ').append(c == null ? "-" : c.replace("|", "\\|")).append(" |");
        }
        return b.append('\n').toString();
    }
}
