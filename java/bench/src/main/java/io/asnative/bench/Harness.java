package io.asnative.bench;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Host;
import com.aerospike.client.Info;
import com.aerospike.client.Operation;
import com.aerospike.client.cluster.Node;
import com.aerospike.client.policy.ClientPolicy;
import io.asnative.bench.contestant.Contestant;
import io.asnative.bench.contestant.ChildJvmContestant;
import io.asnative.bench.contestant.ClientProcess;
import io.asnative.bench.contestant.ContestantFactory;
import io.asnative.bench.env.CpuPlacement;
import io.asnative.bench.env.Environment;
import io.asnative.bench.env.NativeFiles;
import io.asnative.bench.env.ServerProcess;
import io.asnative.bench.report.Results;
import io.asnative.bench.report.Results.ContestantInfo;
import io.asnative.bench.report.Results.Figure;
import io.asnative.bench.stats.RoundResult;
import io.asnative.bench.stats.Summary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark run: starts the server (a separate JVM) unless given one, loads the records, opens
 * every available contestant, then runs each workload's rounds interleaved (round r runs every
 * contestant's r-th round, the order rotated each round, so machine noise hits all alike).
 */
public final class Harness implements AutoCloseable {

    private final RunOptions o;
    private final PrintStream err;
    private final List<String> notes = new ArrayList<>();
    private final List<Contestant> contestants = new ArrayList<>();
    private ServerProcess server;

    public Harness(RunOptions options, PrintStream err) {
        this.o = options;
        this.err = err;
    }

    public Results run() throws Exception {
        long started = System.nanoTime();
        String date = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Files.createDirectories(o.out());
        NativeFiles natives = NativeFiles.extract();
        String library = RunMetadata.libraryNote(natives);
        String loadBefore = Environment.loadAverage();

        Map<String, ContestantInfo> infos = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        List<Workload> workloads = workloads();
        int forks = forks(workloads);
        Map<Workload, Map<String, Summary>> summaries = new LinkedHashMap<>();
        try {
            Progress progress = null;
            for (int fork = 0; fork < forks; fork++) {
                boolean last = fork == forks - 1;
                settledPrefix = fork == 0 ? "" : "fork " + (fork + 1) + ": ";
                String serverVersion = startFork(fork, forks, natives, infos, last);
                if (fork == 0) {
                    versions.putAll(RunMetadata.versions(o, serverVersion, contestants));
                    progress = new Progress(err, estimatedSeconds(workloads));
                }
                jitWarmup(contestants);
                for (Workload w : workloads) {
                    int rounds = rounds(w);
                    if (!w.isThroughput()) {
                        phase(w, firstRound(fork, forks, rounds), firstRound(fork + 1, forks, rounds), rounds, summaries, progress);
                    } else if (last) {
                        phase(w, 0, rounds, rounds, summaries, progress);
                    }
                }
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        if (forks > 1) {
            notes.add(forkNote(forks, workloads));
        }
        if (!clientJvms.isEmpty()) {
            notes.add("--client-jvms: java, ffm and jni each ran in a JVM of their own, a new one per fork ("
                    + String.join(", ", clientJvms) + "), with this JVM's options; CPU figures are those JVMs' own");
        }
        if (serverCollectionCalls > 0) {
            notes.add(String.format(Locale.ROOT, "embedded server heap collected between the rounds of the put, get, batch"
                    + " and job workloads (untimed; %d times, %.0f ms each on average); server collections inside timed"
                    + " rounds: %d", serverCollectionCalls, serverCollectionNanos / 1e6 / serverCollectionCalls,
                    serverCollectionsInRounds));
        }
        if (reconnects > 0) {
            notes.add("--reconnect: each contestant opened new connections (a new client, then untimed calls on them)"
                    + " before each of its rounds of batch-get (" + Dataset.RECONNECT_MIN_BATCH_KEYS + " keys and more) and"
                    + " batch-job, " + reconnects + " times"
                    + (o.embeddedServer() ? "; the embedded server accepted " + connectionsInReconnectPhases
                    + " connections in those workloads" : ""));
        }
        if (!settled.isEmpty()) {
            notes.add("warm-up passes until a pass compiled <= " + SETTLED_JIT_MILLIS + " ms of JIT (client and server JVMs;"
                    + " at most " + MAX_SETTLE_PASSES + "): " + String.join(", ", settled));
        }
        if (!Environment.compilesInCallingThread()) {
            notes.add("the JIT compiled in the background (no -Xbatch): each JVM compiles in its own order, and a JVM"
                    + " contestant can hold another level in another run; ./asbench passes -Xbatch, under which two"
                    + " runs' ratios agree far more often (docs/BENCHMARKS.md, \"JIT compilation\")");
        }
        notes.add("load average (1/5/15 min) before: " + loadBefore + ", after: " + Environment.loadAverage()
                + " (a shared 2-core VM: other engineers' builds may run at the same time)");
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<Workload, Map<String, Summary>> e : summaries.entrySet()) {
            for (Summary s : e.getValue().values()) {
                if (s.rounds().isEmpty()) {
                    continue;
                }
                figures.add(Figure.of(s));
                if (s.totalErrors() > 0) {
                    String first = firstErrors.get(s.contestant() + " " + e.getKey().id());
                    notes.add(s.contestant() + " on " + e.getKey().id() + ": " + s.totalErrors() + " errors"
                            + (first == null ? "" : " (first: " + first.replace('\n', ' ') + ")"));
                }
            }
        }
        List<ContestantInfo> contestantInfos = new ArrayList<>();
        for (String name : o.contestants()) {
            if (infos.containsKey(name)) {
                contestantInfos.add(infos.get(name));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Results(Results.SCHEMA, date, o.commandLine(), seconds, Environment.machine(), Environment.jdk(),
                versions, RunMetadata.config(o, library, forks), contestantInfos, figures, List.of(), notes);
    }

    /**
     * How many forks this run makes: {@code --forks}, or one when there is nothing to spread (no
     * latency workload, or only async contestants, which run the throughput workloads alone).
     */
    private int forks(List<Workload> workloads) {
        boolean latency = workloads.stream().anyMatch(w -> !w.isThroughput());
        boolean sync = o.contestants().stream().anyMatch(n -> !isAsync(n));
        return latency && sync ? o.forks() : 1;
    }

    private static boolean isAsync(String contestant) {
        return contestant.endsWith("-async");
    }

    /**
     * Starts fork {@code fork}: closes the previous fork's contestants and server, starts a new
     * embedded server (unless given one) and loads the records into it, and opens the contestants
     * again, each with new connections. Why forks: with one server process per run, the server's
     * share of a 5,000-key batch call held one level for a whole run, 0.75-1.1 ms from one process
     * (and one set of connections, with their autotuned TCP windows) to the next, and moved every
     * batch wall ratio with it between two runs. Spread over several server processes, a run
     * should average those levels, as JMH's forks average JVM instances. Measured, it did not:
     * five runs with three forks agreed less often than five with one (docs/ANALYSIS.md,
     * section 6), so the default is one fork and this is an option.
     *
     * <p>The async contestants are opened in the last fork only, where the throughput workloads
     * run, and first there: the C client's event loops must start before any other native client
     * of the process is created. Earlier forks' native clients are all closed by then.
     *
     * @return the server's edition and build
     */
    private String startFork(int fork, int forks, NativeFiles natives, Map<String, ContestantInfo> infos, boolean last)
            throws IOException {
        String host = o.host();
        int port = o.port();
        if (fork > 0) {
            closeContestants();
            err.println("asbench: fork " + (fork + 1) + " of " + forks + (o.embeddedServer()
                    ? ": a new server process, the records loaded again, every contestant reconnected"
                    : ": every contestant reconnected"));
        }
        if (o.embeddedServer()) {
            stopServer();
            server = ServerProcess.start(o.namespace(), o.serverThreads(),
                    o.out().resolve(fork == 0 ? "server.log" : "server-" + (fork + 1) + ".log"));
            host = server.host();
            port = server.port();
            placed = null;
            delay = 0;
            err.println("asbench: embedded server (separate JVM, pid " + server.pid() + ") on " + host + ":" + port);
            List<String> extra = ServerProcess.extraJvmOptions();
            if (fork == 0 && !extra.isEmpty()) {
                notes.add("embedded server JVM options added by ASBENCH_SERVER_JAVA_OPTS: " + String.join(" ", extra));
            }
        }
        Host seed = new Host(host, port);
        String serverVersion = fork == 0 || o.embeddedServer() ? load(seed) : null;
        List<String> names = new ArrayList<>();
        for (String name : o.contestants()) {
            ContestantInfo before = infos.get(name);
            if ((last || !isAsync(name)) && (before == null || before.available())) {
                names.add(name);
            }
        }
        open(seed, natives, names, fork, infos);
        placed = null; // this fork's client processes (the C program, --client-jvms) are new: pin them too
        if (contestants.isEmpty()) {
            throw new IllegalStateException("no contestant is available: " + infos.values());
        }
        return serverVersion;
    }

    /** The first of fork {@code fork}'s rounds, when {@code rounds} are split as evenly as can be; {@code forks} gives the end. */
    private static int firstRound(int fork, int forks, int rounds) {
        return fork * rounds / forks;
    }

    private String forkNote(int forks, List<Workload> workloads) {
        StringBuilder split = new StringBuilder();
        for (Workload w : workloads) {
            if (!w.isThroughput()) {
                int rounds = rounds(w);
                split.append(split.isEmpty() ? "" : ", ").append(w.id()).append(' ');
                for (int f = 0; f < forks; f++) {
                    split.append(f == 0 ? "" : "/").append(firstRound(f + 1, forks, rounds) - firstRound(f, forks, rounds));
                }
            }
        }
        return "the put, get, batch and job rounds ran in " + forks + " forks, each "
                + (o.embeddedServer() ? "a new embedded server JVM with the records loaded again and " : "")
                + "every contestant reconnected (rounds per fork: " + split + "); the throughput workloads ran in the last";
    }

    /**
     * Closes the contestants, last opened first (so ffm-async, whose event loops are process-wide in
     * the C client, goes last), then stops the server. Separate from
     * {@link #run()} so that the results are written before any native close runs.
     */
    @Override
    public void close() {
        closeContestants();
        stopServer();
    }

    private void closeContestants() {
        List<Contestant> open = new ArrayList<>(contestants);
        contestants.clear();
        java.util.Collections.reverse(open);
        for (Contestant c : open) {
            try {
                c.close();
            } catch (RuntimeException e) {
                err.println("asbench: closing " + c.name() + ": " + e);
            }
        }
    }

    private void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private ClientPolicy clientPolicy() {
        return ContestantFactory.clientPolicy(o);
    }

    /** Writes the records every workload reads, with the Java client in batches; returns the server's version. */
    private String load(Host seed) {
        err.println("asbench: loading " + o.span() + " + " + o.jobRecords() + " records");
        try (AerospikeClient client = new AerospikeClient(clientPolicy(), seed)) {
            loadRange(client, 0, o.span());
            loadRange(client, o.jobFirstKey(), o.jobRecords());
            Node node = client.getNodes()[0];
            Map<String, String> info = Info.request(null, node, "edition", "build");
            return info.getOrDefault("edition", "?") + " " + info.getOrDefault("build", "?");
        }
    }

    private void loadRange(AerospikeClient client, long first, int count) {
        for (int start = 0; start < count; start += 1000) {
            int n = Math.min(1000, count - start);
            List<BatchRecord> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long k = first + start + i;
                batch.add(new BatchWrite(Dataset.key(o.namespace(), o.set(), k), Operation.array(
                        Operation.put(Dataset.bins(k)[0]), Operation.put(Dataset.bins(k)[1]), Operation.put(Dataset.bins(k)[2]))));
            }
            if (!client.operate(null, batch)) {
                throw new IllegalStateException("loading records failed at key " + (first + start));
            }
        }
    }

    /**
     * Opens the contestants {@code names} against {@code seed}. The first attempt at each is what
     * the report lists (available, or why not); a contestant that opened before and fails in a
     * later fork is noted and misses that fork's rounds.
     */
    private void open(Host seed, NativeFiles natives, List<String> names, int fork, Map<String, ContestantInfo> infos) {
        // ffm-async first: the C client's event loops are process-wide, and a sync client created
        // before they exist crashes in aerospike_close once they do (reported to the core); opened
        // first, the loops outlive every other native client, since close() runs in reverse order.
        List<String> order = new ArrayList<>(names);
        if (order.remove("ffm-async")) {
            order.add(0, "ffm-async");
        }
        for (String name : order) {
            try {
                Contestant c = ContestantFactory.open(name, seed, clientPolicy(), natives, o);
                contestants.add(c);
                if (c instanceof ChildJvmContestant child) {
                    clientJvms.add("fork " + (fork + 1) + " " + name + " pid " + child.pid());
                }
                infos.putIfAbsent(name, new ContestantInfo(name, true, null, c.cClientVersion()));
            } catch (Throwable t) {
                String reason = reason(t);
                boolean first = !infos.containsKey(name);
                infos.putIfAbsent(name, new ContestantInfo(name, false, reason, null));
                String message = "contestant " + name + " unavailable" + (first ? "" : " in fork " + (fork + 1)) + ": " + reason;
                err.println("asbench: " + message);
                notes.add(message);
            }
        }
    }

    /** "fork F NAME pid P" of every JVM contestant run in a JVM of its own ({@code --client-jvms}). */
    private final List<String> clientJvms = new ArrayList<>();

    private static String reason(Throwable t) {
        Throwable root = t;
        StringBuilder b = new StringBuilder(String.valueOf(t.getMessage() == null ? t : t.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null && !b.toString().contains(root.getMessage())) {
                b.append(": ").append(root.getMessage());
            }
        }
        return b.toString();
    }

    /** Untimed puts and gets through every sync contestant, so the JIT has compiled their paths. */
    private void jitWarmup(List<Contestant> contestants) throws Exception {
        if (o.jitWarmup() <= 0 || !o.families().contains("seq") && !o.families().contains("tput")) {
            return;
        }
        err.println("asbench: JIT warm-up, " + o.jitWarmup() + " puts and gets per sync contestant");
        RunOptions warm = o.withOps(o.jitWarmup());
        for (Contestant c : contestants) {
            if (c.unsupportedReason(Workload.put()) == null) {
                c.run(Workload.put(), warm);
                c.run(Workload.get(), warm);
            }
        }
    }

    private int rounds(Workload w) {
        return switch (w.kind()) {
            case PUT, GET, BATCH_GET -> o.rounds();
            case BATCH_JOB -> o.jobRounds();
            case THROUGHPUT -> o.tputRounds();
        };
    }

    /** Estimated seconds of one contestant's round, for the ETA only. */
    private double estimate(Workload w) {
        return switch (w.kind()) {
            case PUT, GET -> o.ops() * 30e-6;
            case BATCH_GET -> Dataset.batchCalls(o.ops(), w.keys()) * w.keys() * 1.5e-6;
            case BATCH_JOB -> o.jobRecords() * 15e-6;
            case THROUGHPUT -> o.tputMillis() / 1000.0 + 0.05;
        };
    }

    /** The workloads of the families asked for, in run order. */
    private List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Workload w : Workload.all(o)) {
            if (o.families().contains(w.family())) {
                if (w.delayMicros() > 0 && !o.embeddedServer()) {
                    notes.add(w.id() + " skipped: the response delay needs the embedded server");
                    continue;
                }
                workloads.add(w);
            }
        }
        return workloads;
    }

    /** Seconds the rounds will take, estimated from the first fork's contestants, for the ETA only. */
    private double estimatedSeconds(List<Workload> workloads) {
        double total = 0;
        for (Workload w : workloads) {
            total += rounds(w) * estimate(w) * participants(w).size();
        }
        return total;
    }

    /** First failure per "contestant workload", across forks. */
    private final Map<String, String> firstErrors = new LinkedHashMap<>();

    /** Contestants dropped from a workload ("contestant workload") after a failure, in every later fork too. */
    private final java.util.Set<String> dropped = new java.util.HashSet<>();

    /**
     * Rounds {@code from} to {@code to - 1} of {@code w} (of {@code rounds}) with this fork's
     * contestants, after the workload's warm-up; results go into {@code summaries}.
     */
    private void phase(Workload w, int from, int to, int rounds, Map<Workload, Map<String, Summary>> summaries,
            Progress progress) {
        List<Contestant> in = participants(w);
        in.removeIf(c -> dropped.contains(c.name() + " " + w.id()));
        if (in.isEmpty() || from >= to) {
            return;
        }
        setDelay(w.delayMicros());
        place(w.isThroughput() ? CpuPlacement.OS : o.placement(), contestants);
        Map<String, Summary> byName = summaries.computeIfAbsent(w, k -> new LinkedHashMap<>());
        for (Contestant c : in) {
            byName.computeIfAbsent(c.name(), n -> new Summary(n, w));
        }
        List<Contestant> active = new ArrayList<>(in);
        warmupPass(w, active);
        if (!w.isThroughput()) {
            settleJit(w, active);
        }
        boolean collectBetweenRounds = server != null && !w.isThroughput();
        boolean reconnect = reconnectsBefore(w);
        long acceptedBefore = reconnect && server != null ? server.connectionsAccepted() : 0;
        if (collectBetweenRounds) {
            collectServerGarbage(); // what the warm-up left; its own collections are not counted
        }
        for (int r = from; r < to; r++) {
            List<Contestant> order = new ArrayList<>(active);
            if (!order.isEmpty()) {
                java.util.Collections.rotate(order, -(r % order.size()));
            }
            Map<String, String> shown = new java.util.HashMap<>();
            for (Contestant c : order) {
                try {
                    if (reconnect) {
                        c.reconnect(w, o);
                        reconnects++;
                    }
                    RoundResult result = c.run(w, o);
                    byName.get(c.name()).add(result);
                    shown.put(c.name(), w.isThroughput()
                            ? String.format(Locale.ROOT, "%.1fk/s", result.opsPerSecond() / 1e3)
                            : String.format(Locale.ROOT, "%.1fus", result.nsPerOp() / 1e3));
                } catch (Exception e) {
                    fail(c, w, e, active);
                }
            }
            StringBuilder detail = new StringBuilder();
            for (Contestant c : in) {
                if (shown.containsKey(c.name())) {
                    detail.append(c.name()).append(' ').append(shown.get(c.name())).append("  ");
                }
            }
            if (collectBetweenRounds) {
                serverCollectionsInRounds += collectServerGarbage();
            }
            progress.round(w.id(), r + 1, rounds, detail.toString().trim(), estimate(w) * in.size());
        }
        if (reconnect && server != null) {
            connectionsInReconnectPhases += server.connectionsAccepted() - acceptedBefore;
        }
        for (Contestant c : in) {
            String first = c.takeFirstError();
            if (first != null) {
                firstErrors.putIfAbsent(c.name() + " " + w.id(), first);
            }
        }
    }

    /**
     * With {@code --reconnect}: new connections before each round of a batch whose answers can
     * outgrow a connection's receive window. The kernel sizes each TCP connection's receive buffer
     * from that connection's own history, and a 5,000-key batch call's server share held one level
     * per connection for a whole run (0.72-1.04 ms between the clients of one run, 2026-11-26),
     * moving batch wall ratios by up to 8% between runs; over a new connection per round a run
     * averages over 30 of them. Not for batches under {@link Dataset#RECONNECT_MIN_BATCH_KEYS}
     * keys: their answers (~10 KB for 100 keys) fit any window, and there a new client per round
     * only added noise (ten runs each way: 36 rows of batch-get-100 ratios outside 5% between
     * pairs with it, 8 without).
     */
    private boolean reconnectsBefore(Workload w) {
        return o.reconnect() && (w.kind() == Workload.Kind.BATCH_JOB
                || w.kind() == Workload.Kind.BATCH_GET && w.keys() >= Dataset.RECONNECT_MIN_BATCH_KEYS);
    }

    private int reconnects;
    private long connectionsInReconnectPhases;

    /** Most extra warm-up passes per workload while the JIT still compiles. */
    static final int MAX_SETTLE_PASSES = 6;

    /** JIT time (ms, harness + server JVM) below which a warm-up pass counts as "nothing left to compile". */
    static final long SETTLED_JIT_MILLIS = 15;

    private final List<String> settled = new ArrayList<>();
    /** Marks the first entry of a later fork in {@link #settled}; cleared once used. */
    private String settledPrefix = "";

    /**
     * Repeats every contestant's warm-up until a whole pass compiles (almost) nothing more, in
     * this JVM and in the server's, or {@link #MAX_SETTLE_PASSES} passes. A fixed warm-up left
     * batch-get-100 partly uncompiled: its per-call methods reach C2's thresholds (thousands of
     * invocations) only during the timed rounds, where the compiler threads share the pinned vCPU
     * with the measuring thread (run jfr-a, 2026-11-26: a 117 ms C2 compile of the Java client's
     * parseRecord and 44 deoptimizations in the first seconds of batch-get-100; its JVM rounds
     * fell from 1.0-2.0x to 0.75-0.9x of their mean over the 30 rounds).
     */
    private void settleJit(Workload w, List<Contestant> active) {
        int passes = 0;
        long delta = -1;
        while (passes < MAX_SETTLE_PASSES) {
            long before = jitMillis();
            warmupPass(w, active);
            passes++;
            delta = jitMillis() - before;
            if (delta <= SETTLED_JIT_MILLIS) {
                break;
            }
        }
        settled.add(settledPrefix + w.id() + " " + passes + (delta <= SETTLED_JIT_MILLIS ? "" : " (still +" + delta + " ms)"));
        settledPrefix = "";
    }

    /** Every active contestant's warm-up for {@code w}, once; a contestant that fails drops out. */
    private void warmupPass(Workload w, List<Contestant> active) {
        for (Contestant c : new ArrayList<>(active)) {
            try {
                c.warmup(w, o);
            } catch (Exception e) {
                fail(c, w, e, active);
            }
        }
    }

    /** JIT compilation time so far of this JVM, the contestants' own JVMs and the embedded server's (ms). */
    private long jitMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long mine = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        for (Contestant c : contestants) {
            mine += c.jitMillis();
        }
        return mine + (server == null ? 0 : server.jitMillis());
    }

    /** Collections the embedded server ran on its own inside timed rounds (0 is the aim). */
    private long serverCollectionsInRounds;
    private int serverCollectionCalls;
    private long serverCollectionNanos;

    /**
     * Collects the embedded server's heap between two rounds of a latency workload, untimed: the
     * server is a JVM stand-in for a C server without GC, and its young collections (17-45 ms every
     * ~8 s of batch gets, 2026-11-26) otherwise land in whichever contestant's round is running -
     * the same round in every run, since the server's allocation is the same. Returns the
     * collections the server ran on its own since the previous call.
     */
    private long collectServerGarbage() {
        long t0 = System.nanoTime();
        long onItsOwn = server.collectGarbage();
        serverCollectionNanos += System.nanoTime() - t0;
        serverCollectionCalls++;
        return onItsOwn;
    }

    private CpuPlacement placed;

    /** Pins the server and every client process for the next workload, when the placement changes. */
    private void place(CpuPlacement placement, List<Contestant> contestants) {
        if (placement == placed) {
            return;
        }
        List<Long> clients = new ArrayList<>();
        clients.add(ProcessHandle.current().pid());
        for (Contestant c : contestants) {
            if (c instanceof ClientProcess process) {
                clients.add(process.pid());
            }
        }
        String note = placement.apply(server == null ? null : server.pid(), clients);
        err.println("asbench: " + note);
        if (!notes.contains(note)) {
            notes.add(note);
        }
        placed = placement;
    }

    private int delay;

    /** Sets the embedded server's response delay when it changes. */
    private void setDelay(int micros) {
        if (server == null || micros == delay) {
            return;
        }
        server.delayResponses(micros);
        delay = micros;
        if (micros > 0) {
            err.println("asbench: the server now delays every response by " + micros + " us (a simulated network round trip)");
        }
    }

    private void fail(Contestant c, Workload w, Exception e, List<Contestant> active) {
        active.remove(c);
        dropped.add(c.name() + " " + w.id());
        String message = c.name() + " failed on " + w.id() + " and was dropped from it: " + reason(e);
        err.println("asbench: " + message);
        notes.add(message);
    }

    private List<Contestant> participants(Workload w) {
        List<Contestant> in = new ArrayList<>();
        for (Contestant c : contestants) {
            if (c.unsupportedReason(w) == null) {
                in.add(c);
            }
        }
        return in;
    }
}
