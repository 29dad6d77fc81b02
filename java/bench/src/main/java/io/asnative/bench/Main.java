package io.asnative.bench;

import io.asnative.bench.env.CpuPlacement;
import io.asnative.bench.env.ServerThreads;
import io.asnative.bench.report.Charts;
import io.asnative.bench.report.MarkdownReport;
import io.asnative.bench.report.Results;
import io.asnative.bench.report.ResultsJson;
import io.asnative.bench.report.Tables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code asbench}: the native path (FFM, JNI, raw C) against the pure-Java Aerospike client.
 * Exit codes: 0 done, 1 the run failed, 2 bad arguments.
 */
@Command(name = "asbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Measures the Aerospike C client called from Java (FFM, JNI) against the pure-Java client and a raw C",
            "program, with interleaved rounds. With no arguments: starts the embedded server in a separate JVM and",
            "runs the full comparison (< 20 min on 2 cores); --quick runs a short one (< 2 min).",
            "Writes results.json, report.md and charts (PNG) into --out."},
        subcommands = {JmhCommand.class, Main.ReportCommand.class, Main.CompareCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the run failed", "2:bad arguments"})
public final class Main implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "HOST", description = "A real server's seed host (default: start the embedded server).")
    String host;
    @Option(names = "--port", paramLabel = "PORT", description = "Port of --host (default: 3000).")
    int port = 3000;
    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace (default: test).")
    String namespace = "test";
    @Option(names = "--set", paramLabel = "SET", description = "Set of the benchmark's records (default: bench).")
    String set = "bench";
    @Option(names = "--ops", paramLabel = "N", description = "Ops per round of put/get (default 10000; --quick 2000).")
    Integer ops;
    @Option(names = "--rounds", paramLabel = "R", description = "Rounds of put/get/batch get (default 30; --quick 5).")
    Integer rounds;
    @Option(names = "--warmup", paramLabel = "W", description = "Untimed ops per contestant before each workload (default 200).")
    Integer warmup;
    @Option(names = "--quick", description = "A short run (< 2 min); explicit options still win.")
    boolean quick;
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: bench-out/<timestamp>).")
    Path out;
    @Option(names = "--contestants", split = ",", paramLabel = "LIST",
            description = "Among java,ffm,jni,c,java-async,ffm-async (default: all; unavailable ones are reported).")
    List<String> contestants;
    @Option(names = "--workloads", split = ",", paramLabel = "LIST", description = "Among seq,batch,job,tput,rtt (default: all).")
    List<String> families;
    @Option(names = "--batch-sizes", split = ",", paramLabel = "LIST", description = "Keys per batch get (default 100,1000,5000).")
    List<Integer> batchSizes;
    @Option(names = "--job-records", paramLabel = "N", description = "Records of the batch job (default 100000; --quick 20000).")
    Integer jobRecords;
    @Option(names = "--job-batch", paramLabel = "N", description = "Records per batch of the batch job (default 1000).")
    Integer jobBatch;
    @Option(names = "--job-rounds", paramLabel = "N", description = "Passes of the batch job (default 10; --quick 2).")
    Integer jobRounds;
    @Option(names = "--threads", split = ",", paramLabel = "LIST", description = "Platform threads (default 1,4,16,64).")
    List<Integer> threads;
    @Option(names = "--virtual-threads", split = ",", paramLabel = "LIST", description = "Virtual threads, java, ffm and jni (default 64,1000).")
    List<Integer> virtualThreads;
    @Option(names = "--in-flight", split = ",", paramLabel = "LIST", description = "Async commands in flight (default 100,500).")
    List<Integer> inFlight;
    @Option(names = "--event-loops", paramLabel = "N", description = "Event loops of the async contestants (default 1).")
    int eventLoops = 1;
    @Option(names = "--tput-seconds", paramLabel = "S", description = "Seconds per throughput round (default 2; --quick 0.5).")
    Double tputSeconds;
    @Option(names = "--tput-rounds", paramLabel = "N", description = "Rounds per throughput point (default 3; --quick 1).")
    Integer tputRounds;
    @Option(names = "--rtt-micros", paramLabel = "US",
            description = "Response delay of the embedded server in the rtt workloads, a simulated network round trip (default 1000; 0 = none).")
    int rttMicros = 1000;
    @Option(names = "--jit-warmup", paramLabel = "N", description = "Untimed puts+gets per JVM contestant before all (default 10000; --quick 2000).")
    Integer jitWarmup;
    @Option(names = "--max-conns", paramLabel = "N", description = "Max connections per node, every client (default 1200).")
    int maxConns = 1200;
    @Option(names = "--jmh", negatable = true, description = "Run the JMH layer costs too (default: on, off with --quick).")
    Boolean jmh;
    @Option(names = "--c-bench", paramLabel = "PATH", description = "asbench-c to run (default: the one in this jar).")
    Path cBench;
    @Option(names = "--cpus", paramLabel = "PLACEMENT",
            description = "CPUs of server and clients in the seq, batch and job workloads: shared (all on CPU 0), "
                    + "split (server on the last CPU), os (unpinned). Default: shared with the embedded server, "
                    + "os with --host. Throughput workloads always run unpinned.")
    String cpus;
    @Option(names = "--server-threads", paramLabel = "KIND",
            description = "How the embedded server serves connections: platform (a thread of its own each, default) or "
                    + "virtual (virtual threads: a few carriers serve all, like the real server's service threads).")
    String serverThreads = "platform";
    @Option(names = "--keys", paramLabel = "WHERE",
            description = "Where put, get and batch-get build their keys: per-op (inside the timed loop, as a caller "
                    + "would; default) or prebuilt (before it, digests included: the binding's cost alone against C).")
    String keys = "per-op";
    @Option(names = "--forks", paramLabel = "N",
            description = "Server processes (embedded server) and client connections the put, get, batch and job rounds "
                    + "are spread over, a new one every rounds/N rounds, like JMH's forks (default 1: with 3, ten runs showed no "
                    + "better agreement between runs; docs/ANALYSIS.md, section 6).")
    int forks = 1;
    @Option(names = "--reconnect", negatable = true,
            description = "Before each of its batch-get (1,000 keys and more) and batch-job rounds, every contestant opens new connections (a "
                    + "new client) and reads 20,000 keys on them, untimed, so that a run averages over many connections' "
                    + "TCP receive buffers, which the kernel sizes per connection (default: on; docs/ANALYSIS.md, section 6).")
    Boolean reconnect;
    @Option(names = "--client-jvms",
            description = "Runs java, ffm and jni each in a JVM of its own (a new one per fork) instead of all in this one: "
                    + "each JVM compiles a client's path its own way, so with --forks N every run averages N such draws, "
                    + "as JMH forks the measured JVM (docs/ANALYSIS.md, section 1).")
    boolean clientJvms;

    String[] args = new String[0];
    /** Where the run's tables and its progress go: the streams {@link #execute} was given. */
    private PrintStream stdout = System.out;
    private PrintStream stderr = System.err;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the CLI; returns the exit code (for tests). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        Main main = new Main();
        main.args = args.clone();
        main.stdout = out;
        main.stderr = err;
        CommandLine cl = new CommandLine(main);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                line.getErr().println("asbench: " + e.getMessage());
                line.usage(line.getErr());
                return 2;
            }
            line.getErr().println("asbench: failed: " + e);
            e.printStackTrace(line.getErr());
            return 1;
        });
        return cl.execute(args);
    }

    /** The options {@code args} give, resolved, without running anything (a contestant's own JVM, tests). */
    static RunOptions parseOptions(String... args) {
        Main main = new Main();
        main.args = args.clone();
        new CommandLine(main).parseArgs(args);
        return main.options();
    }

    /** The options, resolved: explicit values, else --quick's, else the full run's. */
    RunOptions options() {
        List<String> names = contestants == null ? RunOptions.ALL_CONTESTANTS : contestants;
        return new RunOptions(host, port, namespace, set,
                pick(ops, 2000, 10000), pick(rounds, 5, 30), pick(warmup, 200, 200), quick,
                out != null ? out : Path.of("bench-out", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))),
                new ArrayList<>(new LinkedHashSet<>(names)),
                new LinkedHashSet<>(families == null ? List.of("seq", "batch", "job", "tput", "rtt") : families),
                batchSizes == null ? List.of(100, 1000, 5000) : batchSizes,
                pick(jobRecords, 20000, 100000), pick(jobBatch, 1000, 1000), pick(jobRounds, 2, 10),
                threads == null ? List.of(1, 4, 16, 64) : threads,
                virtualThreads == null ? List.of(64, 1000) : virtualThreads,
                inFlight == null ? List.of(100, 500) : inFlight,
                (int) Math.round(1000 * (tputSeconds != null ? tputSeconds : quick ? 0.5 : 2.0)),
                pick(tputRounds, 1, 3), rttMicros, pick(jitWarmup, 2000, 10000), maxConns, eventLoops,
                jmh != null ? jmh : !quick, cBench,
                cpus != null ? CpuPlacement.parse(cpus) : host == null ? CpuPlacement.SHARED : CpuPlacement.OS,
                ServerThreads.parse(serverThreads),
                KeyTiming.parse(keys),
                forks,
                reconnect == null || reconnect,
                clientJvms,
                List.of(args),
                "asbench " + String.join(" ", args));
    }

    private int pick(Integer given, int quickValue, int fullValue) {
        return given != null ? given : quick ? quickValue : fullValue;
    }

    @Override
    public Integer call() throws Exception {
        RunOptions o = options();
        PrintStream err = stderr;
        Results results;
        try (Harness harness = new Harness(o, err)) {
            results = harness.run();
            write(results, o.out());
        }
        if (o.jmh()) {
            results = results.withJmh(JmhCommand.runJmh(o.quick(), o.out(), err));
        }
        write(results, o.out());
        stdout.println();
        for (String[] p : new String[][] {{"ffm", "java"}, {"ffm", "c"}, {"jni", "java"}, {"jni", "c"}, {"java", "c"}}) {
            var rows = MarkdownReport.seedRows(results, p[0], p[1]);
            if (!rows.isEmpty()) {
                stdout.println(Tables.seedTable(p[0], p[1], rows));
            }
        }
        stdout.printf(Locale.ROOT, "asbench: done in %.0f s; results in %s%n", results.durationSeconds(), o.out().toAbsolutePath());
        return 0;
    }

    /** results.json, report.md and the charts into {@code dir}. */
    static void write(Results results, Path dir) throws Exception {
        Files.createDirectories(dir);
        ResultsJson.write(results, dir.resolve("results.json"));
        Files.writeString(dir.resolve("report.md"), MarkdownReport.render(results), StandardCharsets.UTF_8);
        Charts.write(results, dir);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var v = io.asnative.bench.env.Environment.buildVersions();
            return new String[] {"asbench " + v.getProperty("asnative.version", "?") + " (Java client "
                    + v.getProperty("aerospike.client.version", "?") + ", JMH " + v.getProperty("jmh.version", "?") + ")"};
        }
    }

    /** {@code asbench report --in DIR}: report.md and charts again from results.json. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Regenerates report.md and the charts of a run from its results.json.")
    static final class ReportCommand implements Callable<Integer> {
        @Option(names = "--in", required = true, paramLabel = "DIR", description = "A run's output folder (or its results.json).")
        Path in;

        @Override
        public Integer call() throws Exception {
            Results r = ResultsJson.read(in);
            Path dir = Files.isDirectory(in) ? in : in.toAbsolutePath().getParent();
            write(r, dir);
            System.out.println("asbench: wrote " + dir.resolve("report.md"));
            return 0;
        }
    }

    /** {@code asbench compare A B}: are two runs' ratios within a tolerance of each other? */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compares the ratios (each native contestant against java and against c) of two runs.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every ratio within the tolerance", "1:some ratio differs more", "2:bad arguments"})
    static final class CompareCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "A", description = "First run's folder or results.json.")
        Path a;
        @Parameters(index = "1", paramLabel = "B", description = "Second run's folder or results.json.")
        Path b;
        @Option(names = "--tolerance", paramLabel = "PCT", description = "Allowed relative difference of a ratio, in percent (default 5).")
        double tolerance = 5;

        @Override
        public Integer call() throws Exception {
            Comparison c = Comparison.of(ResultsJson.read(a), ResultsJson.read(b), tolerance / 100);
            System.out.print(c.render());
            return c.allWithin() ? 0 : 1;
        }
    }
}
