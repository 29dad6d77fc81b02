package io.asnative.bench.report;

import io.asnative.bench.report.Results.Figure;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PNG charts of a run (JFreeChart, headless). */
public final class Charts {

    public static final List<String> FILES = List.of("latency.png", "batch.png", "throughput.png", "concurrency.png");

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private Charts() {
    }

    public static void write(Results r, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        String subtitle = r.date() + " - " + r.machine().getOrDefault("nproc", "?") + " cores, " + r.jdk().getOrDefault("version", "");

        DefaultCategoryDataset latency = new DefaultCategoryDataset();
        DefaultCategoryDataset batch = new DefaultCategoryDataset();
        DefaultCategoryDataset concurrency = new DefaultCategoryDataset();
        Map<String, XYSeries> platform = new LinkedHashMap<>();
        for (Figure f : r.figures()) {
            switch (f.kind()) {
                case "PUT", "GET" -> {
                    if (f.avgNs() != null) {
                        latency.addValue(f.avgNs() / 1e3, f.contestant(), f.workload());
                    }
                }
                case "BATCH_GET" -> {
                    if (f.avgNs() != null) {
                        batch.addValue(f.avgNs() / 1e6, f.contestant(), f.workload());
                    }
                }
                case "THROUGHPUT" -> {
                    if (f.throughputPerSec() == null) {
                        break;
                    }
                    if ("PLATFORM".equals(f.threadKind())) {
                        platform.computeIfAbsent(f.contestant(), XYSeries::new).add(f.threads(), f.throughputPerSec());
                    }
                    if (!"PLATFORM".equals(f.threadKind()) || f.threads() >= 16) {
                        concurrency.addValue(f.throughputPerSec(), f.contestant(), f.workload());
                    }
                }
                default -> {
                    // the batch job has its own table
                }
            }
        }
        save(bar("Sequential latency per op (lower is better)", "us per op", latency, subtitle), dir.resolve("latency.png"));
        save(bar("Batch get latency per call (lower is better)", "ms per call", batch, subtitle), dir.resolve("batch.png"));
        save(bar("Gets/s by concurrency model (higher is better)", "gets/s", concurrency, subtitle), dir.resolve("concurrency.png"));

        XYSeriesCollection xy = new XYSeriesCollection();
        platform.values().forEach(xy::addSeries);
        JFreeChart tput = ChartFactory.createXYLineChart("Throughput vs platform threads (higher is better)", "threads",
                "gets/s", xy, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = tput.getXYPlot();
        LogAxis threads = new LogAxis("platform threads");
        threads.setBase(2);
        threads.setSmallestValue(1);
        plot.setDomainAxis(threads);
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        tput.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
        save(tput, dir.resolve("throughput.png"));
    }

    private static JFreeChart bar(String title, String axis, DefaultCategoryDataset data, String subtitle) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(
                org.jfree.chart.axis.CategoryLabelPositions.createUpRotationLabelPositions(Math.PI / 12));
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
        return chart;
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
