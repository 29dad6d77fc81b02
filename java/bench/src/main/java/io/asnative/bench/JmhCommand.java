package io.asnative.bench;

import io.asnative.bench.env.NativeFiles;
import io.asnative.bench.report.Results.JmhFigure;
import io.asnative.bench.report.Tables;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code asbench jmh}: the layer costs (io.asnative.bench.jmh, Java 22+), one fork each, average
 * time in ns. The forks get the same native files as the harness.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true,
        description = "Runs the JMH layer-cost benchmarks (FFM downcall vs JNI, critical, key/digest, marshalling, arenas, exceptions).")
final class JmhCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Fewer, shorter iterations.")
    boolean quick;
    @Option(names = "--out", paramLabel = "DIR", description = "Where jmh.json goes (default: bench-out/jmh).")
    Path out = Path.of("bench-out", "jmh");
    @Option(names = "--include", paramLabel = "REGEX", description = "Only benchmarks matching (default: all).")
    String include;

    @Override
    public Integer call() throws Exception {
        List<JmhFigure> figures = run(quick, out, include, System.err);
        List<List<String>> rows = new ArrayList<>();
        for (JmhFigure f : figures) {
            rows.add(List.of(f.benchmark(), f.params(), String.format(Locale.ROOT, "%.1f", f.score()),
                    String.format(Locale.ROOT, "± %.1f", f.error()), f.unit()));
        }
        System.out.print(Tables.markdown(List.of("benchmark", "params", "score", "error", "unit"), rows));
        return figures.isEmpty() ? 1 : 0;
    }

    static List<JmhFigure> runJmh(boolean quick, Path out, PrintStream err) throws Exception {
        return run(quick, out, null, err);
    }

    static List<JmhFigure> run(boolean quick, Path out, String include, PrintStream err) throws Exception {
        if (Runtime.version().feature() < 22) {
            err.println("asbench: the JMH layer benchmarks need Java 22+ (FFM); skipped on Java " + Runtime.version().feature());
            return List.of();
        }
        Files.createDirectories(out);
        NativeFiles natives = NativeFiles.extract();
        // JMH's forks inherit this JVM's options; ./asbench gives it -Xbatch for the harness's
        // rounds, while the layer costs are JMH's steady state after its own warm-up, as measured so far.
        List<String> jvmArgs = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g",
                "-XX:+BackgroundCompilation"));
        String library = System.getProperty("asnative.library", System.getenv("ASNATIVE_LIBRARY"));
        if (library == null) {
            library = natives.file(NativeFiles.STUB).map(Path::toString).orElse(null);
        }
        if (library != null) {
            jvmArgs.add("-Dasbench.client.library=" + library);
        }
        natives.file(NativeFiles.JMH_JNI).ifPresent(p -> jvmArgs.add("-Dasbench.jni.library=" + p));
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(include != null ? include : "io\\.asnative\\.bench\\.jmh\\..*")
                .forks(1)
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.milliseconds(quick ? 200 : 500))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 200 : 500))
                .jvmArgsAppend(jvmArgs.toArray(new String[0]))
                .shouldFailOnError(false)
                .result(out.resolve("jmh.json").toString())
                .resultFormat(ResultFormatType.JSON);
        err.println("asbench: JMH layer costs (" + (quick ? "quick" : "full") + "), native library " + library);
        Collection<RunResult> results = new Runner(b.build()).run();
        List<JmhFigure> figures = new ArrayList<>();
        for (RunResult r : results) {
            var params = r.getParams();
            Map<String, String> p = new TreeMap<>();
            for (String k : params.getParamsKeys()) {
                p.put(k, params.getParam(k));
            }
            String name = params.getBenchmark().replace("io.asnative.bench.jmh.", "");
            var primary = r.getPrimaryResult();
            figures.add(new JmhFigure(name, p.isEmpty() ? "" : p.toString(), params.getMode().shortLabel(),
                    primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        }
        return figures;
    }
}
