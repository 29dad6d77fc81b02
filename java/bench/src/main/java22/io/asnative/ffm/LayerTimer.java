package io.asnative.ffm;

import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import io.asnative.NativeAerospikeClient;
import io.asnative.bench.Dataset;
import io.asnative.ffm.layout.AsError;
import io.asnative.ffm.layout.AsKey;
import io.asnative.ffm.layout.AsRecord;
import io.asnative.internal.NativeSession;
import io.asnative.internal.Validate;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the FFM backend's time goes, measured inside a real call against a real server rather than
 * in isolation (JMH measures each layer hot and alone; these figures include the cache and TLB
 * effects of a full round trip). It lives in the backend's package because it calls its
 * package-private pieces one by one.
 *
 * <p>{@code get}: loops of N gets in variants that add one layer at a time, interleaved over
 * rounds (medians of wall and calling-thread CPU per op): the C call alone on one reused
 * {@code as_key} (the raw C loop's work, from Java; the digest is the Java Key's), + the key
 * marshalling, + reading the record into a Java {@code Record}, the
 * public {@code client.get} (validation, call guard, policies), and that with a new Java
 * {@code Key} per op (what the benchmark does), plus the Java {@code Key} alone.
 *
 * <p>{@code batch}: the phases of one batch get of K keys, timed with the calling thread's CPU
 * clock (one C client node: the batch runs on the calling thread).
 *
 * <p>{@code loop}: nothing but {@code client.get} with a new {@code Key} per get, the benchmark's
 * loop, for a profiler ({@code perf record -p PID}) to attribute its CPU by library.
 * {@code putloop}: the same for {@code client.put}, with the {@code Key}s built before the loop;
 * {@code putloop N ROUNDS stamped} calls it the way the harness's sequential loop does (through an
 * interface, the {@code Bin}s built by a helper, {@code System.nanoTime()} around every put), and
 * prints the mean CPU per put over the second half of the rounds: with
 * {@code -XX:CompileCommand=dontinline,io.asnative.ffm.FfmSession::put} or {@code inline,...} it
 * compares the two shapes the JIT picks between from one process to the next (ANALYSIS.md, section 1).
 *
 * <p>{@code cloop}: the benchmark's put and get loops through {@code client} against the raw C
 * loop of {@code asbench-c} run twice: inside this JVM (one downcall into the JMH helper library's
 * {@code asbench_loop_put/get}, on this client's own {@code aerospike} instance) and, given its
 * path, as the {@code asbench-c} process. Interleaved rounds; the difference between the two C
 * loops is what being a JVM process costs. The in-JVM C loop also runs with its keys' digests
 * (and the put's name strings) made before the loop ({@code asbench_loop_*_digests}): against the
 * binding's prebuilt-{@code Key} variants that is the same work on both sides, and the difference
 * is what the binding costs. The plain C loop hashes each key in the timed part, which a binding
 * handed a prebuilt {@code Key} does not.
 *
 * <p>Usage: {@code java --enable-native-access=ALL-UNNAMED -cp asbench.jar io.asnative.ffm.LayerTimer
 * HOST:PORT [get N ROUNDS | loop N ROUNDS | putloop N ROUNDS [stamped] | batch KEYS CALLS | cloop N ROUNDS HELPER_LIB [ASBENCH_C]]}; the
 * records are written first (set "layers").
 */
public final class LayerTimer {

    static final String NS = "test";
    static final String SET = "layers";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LayerTimer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args[0].equals("--help")) {
            System.out.println("usage: LayerTimer HOST:PORT get N ROUNDS | loop N ROUNDS | putloop N ROUNDS [stamped] | batch KEYS CALLS"
                    + " | cloop N ROUNDS HELPER_LIB [ASBENCH_C]");
            System.exit(args.length > 0 && args[0].equals("--help") ? 0 : 2);
        }
        String[] hp = args[0].split(":");
        try (NativeAerospikeClient client = new NativeAerospikeClient(null, new Host(hp[0], Integer.parseInt(hp[1])))) {
            if (!"ffm".equals(client.backendName())) {
                throw new IllegalStateException("needs the FFM backend (Java 22+, --enable-native-access)");
            }
            FfmSession session = session(client);
            if (args[1].equals("get")) {
                get(client, session, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            } else if (args[1].equals("cloop")) {
                CLoops.run(client, session, handle(session), hp[0], Integer.parseInt(hp[1]), Integer.parseInt(args[2]),
                        Integer.parseInt(args[3]), java.nio.file.Path.of(args[4]), args.length > 5 ? java.nio.file.Path.of(args[5]) : null);
            } else if (args[1].equals("loop")) {
                loop(client, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            } else if (args[1].equals("putloop")) {
                if (args.length > 4 && args[4].equals("stamped")) {
                    stampedPutLoop(client, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                } else {
                    putLoop(client, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                }
            } else {
                batch(client, session, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            }
        }
    }

    private static FfmSession session(NativeAerospikeClient client) throws ReflectiveOperationException {
        var field = NativeAerospikeClient.class.getDeclaredField("session");
        field.setAccessible(true);
        return (FfmSession) field.get(client);
    }

    private static MemorySegment handle(FfmSession session) throws ReflectiveOperationException {
        var field = FfmSession.class.getDeclaredField("as");
        field.setAccessible(true);
        return (MemorySegment) field.get(session);
    }

    private static PolicyWriter policies(FfmSession session) throws ReflectiveOperationException {
        var field = FfmSession.class.getDeclaredField("policies");
        field.setAccessible(true);
        return (PolicyWriter) field.get(session);
    }

    private static void write(NativeAerospikeClient client, int n) {
        for (int i = 0; i < n; i++) {
            client.put(null, new Key(NS, SET, i), new Bin("name", "user-" + i), new Bin("age", i % 100), new Bin("score", i * 0.5));
        }
    }

    interface Loop {
        long run(int n);
    }

    private static void get(NativeAerospikeClient client, FfmSession session, int n, int rounds) throws Exception {
        write(client, n);
        MemorySegment as = handle(session);
        Key[] keys = new Key[n];
        for (int i = 0; i < n; i++) {
            keys[i] = new Key(NS, SET, i);
        }
        Arena arena = Arena.ofConfined();
        MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
        MemorySegment out = arena.allocate(ValueLayout.ADDRESS);

        Map<String, Loop> variants = new LinkedHashMap<>();
        variants.put("java Key alone", m -> {
            long s = 0;
            for (int i = 0; i < m; i++) {
                s += new Key(NS, SET, i).digest[0];
            }
            return s;
        });
        MemorySegment hotKey = arena.allocate(AsKey.SIZEOF, AsKey.ALIGN);
        MemorySegment ns = CStrings.name(NS, arena);
        MemorySegment set = CStrings.name(SET, arena);
        variants.put("C call, one reused as_key (like the C loop)", m -> {
            long s = 0;
            for (int i = 0; i < m; i++) {
                CClient.as_key_init_int64(hotKey, ns, set, i);
                AsKey.digest(hotKey, keys[i].digest);
                out.set(ValueLayout.ADDRESS, 0, MemorySegment.NULL); // C reuses a non-NULL *rec: never a freed one
                s += CClient.aerospike_key_get(as, err, MemorySegment.NULL, hotKey, out);
                CClient.as_record_destroy(out.get(ValueLayout.ADDRESS, 0).reinterpret(AsRecord.SIZEOF));
            }
            return s;
        });
        variants.put("+ call arena, as_error, key marshalling", m -> marshalledGets(as, keys, m, false));
        variants.put("+ record read into a Java Record", m -> marshalledGets(as, keys, m, true));
        variants.put("client.get (+ validation, guard, policy)", m -> {
            long s = 0;
            for (int i = 0; i < m; i++) {
                s += client.get(null, keys[i]).generation;
            }
            return s;
        });
        variants.put("client.get with a new Key per op", m -> {
            long s = 0;
            for (int i = 0; i < m; i++) {
                s += client.get(null, new Key(NS, SET, i)).generation;
            }
            return s;
        });

        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (String name : variants.keySet()) {
            results.put(name, new ArrayList<>());
        }
        long sink = 0;
        List<Map.Entry<String, Loop>> order = new ArrayList<>(variants.entrySet());
        for (int r = -2; r < rounds; r++) { // two untimed rounds for the JIT
            java.util.Collections.rotate(order, 1); // each variant runs first, second, ... in turn
            for (var v : order) {
                long w0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                sink += v.getValue().run(n);
                long c1 = THREADS.getCurrentThreadCpuTime();
                long w1 = System.nanoTime();
                if (r >= 0) {
                    results.get(v.getKey()).add(new double[] {(w1 - w0) / 1e3 / n, (c1 - c0) / 1e3 / n});
                }
            }
        }
        System.out.printf(Locale.ROOT, "get, %d ops x %d rounds, medians per op (sink %d)%n", n, rounds, sink);
        System.out.printf(Locale.ROOT, "| %-42s | %9s | %9s |%n", "variant", "wall us", "CPU us");
        for (var e : results.entrySet()) {
            System.out.printf(Locale.ROOT, "| %-42s | %9.2f | %9.2f |%n", e.getKey(), median(e.getValue(), 0), median(e.getValue(), 1));
        }
        arena.close();
    }

    /**
     * {@code m} gets the way the backend makes them (call arena, {@code as_error}, key marshalling),
     * minus validation, guard and policy; with {@code readRecord}, also reading each record into a
     * Java {@code Record}.
     */
    private static long marshalledGets(MemorySegment as, Key[] keys, int m, boolean readRecord) {
        long s = 0;
        for (int i = 0; i < m; i++) {
            try (CallArena a = CallArena.open()) {
                MemorySegment e = a.allocate(AsError.SIZEOF, AsError.ALIGN);
                MemorySegment k = KeyWriter.write(a, keys[i]);
                MemorySegment o = a.allocate(ValueLayout.ADDRESS);
                s += CClient.aerospike_key_get(as, e, MemorySegment.NULL, k, o);
                MemorySegment rec = o.get(ValueLayout.ADDRESS, 0).reinterpret(AsRecord.SIZEOF);
                try {
                    if (readRecord) {
                        s += RecordReader.read(rec, false).generation;
                    }
                } finally {
                    CClient.as_record_destroy(rec);
                }
            }
        }
        return s;
    }

    private static void loop(NativeAerospikeClient client, int n, int rounds) {
        write(client, n);
        for (int r = 0; r < rounds; r++) {
            long w0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            long sink = 0;
            for (int i = 0; i < n; i++) {
                sink += client.get(null, new Key(NS, SET, i)).generation;
            }
            long c1 = THREADS.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "loop round %d: %.2f us wall, %.2f us CPU per get (sink %d)%n",
                    r, (w1 - w0) / 1e3 / n, (c1 - c0) / 1e3 / n, sink);
        }
    }

    /** Only client.put, with Keys built before the loop: the binding's put path, for perf record -p PID. */
    private static void putLoop(NativeAerospikeClient client, int n, int rounds) {
        Key[] keys = new Key[n];
        for (int i = 0; i < n; i++) {
            keys[i] = new Key(NS, SET, i);
        }
        for (int r = 0; r < rounds; r++) {
            long w0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                client.put(null, keys[i], new Bin("name", "user-" + i), new Bin("age", i % 100), new Bin("score", i * 0.5));
            }
            long c1 = THREADS.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "putloop round %d: %.2f us wall, %.2f us CPU per put%n",
                    r, (w1 - w0) / 1e3 / n, (c1 - c0) / 1e3 / n);
        }
    }

    /** The harness's caller shape: an interface in front of the client, as {@code SyncClient} is. */
    interface Putter {
        void put(Key key, Bin... bins);
    }

    private static void stampedPutLoop(NativeAerospikeClient client, int n, int rounds) {
        Putter putter = (key, bins) -> client.put(null, key, bins);
        Key[] keys = new Key[n];
        for (int i = 0; i < n; i++) {
            keys[i] = new Key(NS, SET, i);
        }
        long[] samples = new long[n];
        double cpuSum = 0;
        int counted = 0;
        for (int r = 0; r < rounds; r++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                putter.put(keys[i], Dataset.bins(i));
                samples[i] = System.nanoTime() - t0;
            }
            double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e3 / n;
            if (r >= rounds / 2) {
                cpuSum += cpu;
                counted++;
            }
        }
        System.out.printf(Locale.ROOT, "stamped putloop: %.3f us CPU per put (mean of the last %d rounds; median sample %d ns)%n",
                cpuSum / counted, counted, median(samples));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void batch(NativeAerospikeClient client, FfmSession session, int n, int calls) throws Exception {
        write(client, n);
        MemorySegment as = handle(session);
        PolicyWriter policies = policies(session);
        String[] phases = {"java Keys", "validation", "C batch records + keys", "C batch call", "read into Records", "destroy"};
        List<double[]> results = new ArrayList<>();
        for (int it = -Math.min(20, calls); it < calls; it++) {
            long[] t = new long[phases.length + 1];
            t[0] = cpu();
            Key[] keys = new Key[n];
            for (int i = 0; i < n; i++) {
                keys[i] = new Key(NS, SET, i);
            }
            t[1] = cpu();
            Validate.keys(keys);
            t[2] = cpu();
            try (CallArena arena = CallArena.open()) {
                BatchWriter batch = BatchWriter.reads(arena, keys, NativeSession.BatchReadMode.ALL_BINS, null);
                t[3] = cpu();
                MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
                int status = CClient.aerospike_batch_read(as, err, policies.batch(arena, null, false), batch.records);
                t[4] = cpu();
                if (status != 0) {
                    throw new IllegalStateException("batch status " + status);
                }
                Record[] records = batch.readResults(NativeSession.BatchReadMode.ALL_BINS);
                t[5] = cpu();
                batch.destroy();
                t[6] = cpu();
                if (records[n - 1] == null) {
                    throw new IllegalStateException("missing record");
                }
            }
            if (it >= 0) {
                double[] d = new double[phases.length];
                for (int p = 0; p < phases.length; p++) {
                    d[p] = (t[p + 1] - t[p]) / 1e3;
                }
                results.add(d);
            }
        }
        System.out.printf(Locale.ROOT, "batch get of %d keys x %d calls, median calling-thread CPU%n", n, calls);
        System.out.printf(Locale.ROOT, "| %-24s | %10s | %8s |%n", "phase", "us/call", "ns/key");
        double total = 0;
        for (int p = 0; p < phases.length; p++) {
            double m = median(results, p);
            total += m;
            System.out.printf(Locale.ROOT, "| %-24s | %10.1f | %8.0f |%n", phases[p], m, m * 1e3 / n);
        }
        System.out.printf(Locale.ROOT, "| %-24s | %10.1f | %8.0f |%n", "sum of medians", total, total * 1e3 / n);
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
