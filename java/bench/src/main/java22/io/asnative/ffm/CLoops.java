package io.asnative.ffm;

import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import io.asnative.NativeAerospikeClient;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LayerTimer's {@code cloop}: the binding's put/get loops against the raw C loop, the C loop run
 * both inside this JVM (on the binding's own {@code aerospike} instance, through one downcall per
 * round) and as the {@code asbench-c} process. Rounds interleaved and rotated; medians of wall and
 * CPU per op. CPU is the calling thread's for the JVM variants, the process's (getrusage) for
 * {@code asbench-c}.
 */
final class CLoops {

    private static final String NS = LayerTimer.NS;
    private static final String SET = LayerTimer.SET;
    private static final int DIGEST_SIZE = 20; // RIPEMD-160

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final Pattern WALL = Pattern.compile("\"wall_ns\":(\\d+)");
    private static final Pattern CPU = Pattern.compile("\"cpu_ns\":(\\d+)");

    /** One round of N ops: {wall ns, CPU ns, bytes allocated on the Java heap (-1 if not known)}. */
    interface Round {
        long[] run(int n) throws Exception;
    }

    private CLoops() {
    }

    static void run(NativeAerospikeClient client, FfmSession session, MemorySegment as, String host, int port, int n, int rounds,
                    Path helper, Path asbenchC) throws Exception {
        SymbolLookup lib = SymbolLookup.libraryLookup(helper, Arena.global());
        Linker linker = Linker.nativeLinker();
        MethodHandle loopGet = linker.downcallHandle(lib.find("asbench_loop_get").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        MethodHandle loopPut = linker.downcallHandle(lib.find("asbench_loop_put").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        MethodHandle loopGetDigests = linker.downcallHandle(lib.find("asbench_loop_get_digests").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        MethodHandle loopPutDigests = linker.downcallHandle(lib.find("asbench_loop_put_digests").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        Arena arena = Arena.global();
        MemorySegment ns = arena.allocateFrom(NS);
        MemorySegment set = arena.allocateFrom(SET);
        MemorySegment sink = arena.allocate(ValueLayout.JAVA_LONG);

        Map<String, Round> variants = new LinkedHashMap<>();
        variants.put("get: client.get, new Key per op (ffm)", m -> timed(() -> {
            long s = 0;
            for (int i = 0; i < m; i++) {
                s += client.get(null, new Key(NS, SET, i)).generation;
            }
            return s;
        }));
        Key[] prebuilt = new Key[n];
        for (int i = 0; i < n; i++) {
            prebuilt[i] = new Key(NS, SET, i);
        }
        // The C loop's own inputs made before the loop as well, from the same Keys: without them it
        // hashes every key (RIPEMD-160, ~0.16 us) where the binding, handed a prebuilt Key, does not.
        MemorySegment digests = arena.allocate((long) n * DIGEST_SIZE);
        MemorySegment names = arena.allocate(ValueLayout.ADDRESS, n);
        for (int i = 0; i < n; i++) {
            MemorySegment.copy(prebuilt[i].digest, 0, digests, ValueLayout.JAVA_BYTE, (long) i * DIGEST_SIZE, DIGEST_SIZE);
            names.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom("user-" + i));
        }
        variants.put("get: client.get, prebuilt Keys (ffm)", m -> timed(() -> {
            long s = 0;
            for (int i = 0; i < m; i++) {
                s += client.get(null, prebuilt[i]).generation;
            }
            return s;
        }));
        variants.put("get: session.get, prebuilt (no facade)", m -> timed(() -> {
            long s = 0;
            for (int i = 0; i < m; i++) {
                s += session.get(null, prebuilt[i], null).generation;
            }
            return s;
        }));
        variants.put("get: the C loop inside this JVM", m -> timed(() -> {
            int failed = (int) loopGet.invokeExact(as, ns, set, 0L, m, sink);
            return check(failed);
        }));
        variants.put("get: the C loop, prebuilt digests", m -> timed(() -> {
            int failed = (int) loopGetDigests.invokeExact(as, ns, set, 0L, m, digests, sink);
            return check(failed);
        }));
        variants.put("put: client.put, new Key per op (ffm)", m -> timed(() -> {
            for (int i = 0; i < m; i++) {
                client.put(null, new Key(NS, SET, i), new Bin("name", "user-" + i), new Bin("age", i % 100), new Bin("score", i * 0.5));
            }
            return 0;
        }));
        variants.put("put: client.put, prebuilt Keys (ffm)", m -> timed(() -> {
            for (int i = 0; i < m; i++) {
                client.put(null, prebuilt[i], new Bin("name", "user-" + i), new Bin("age", i % 100), new Bin("score", i * 0.5));
            }
            return 0;
        }));
        variants.put("put: the C loop inside this JVM", m -> timed(() -> {
            int failed = (int) loopPut.invokeExact(as, ns, set, 0L, m);
            return check(failed);
        }));
        variants.put("put: the C loop, prebuilt digests", m -> timed(() -> {
            int failed = (int) loopPutDigests.invokeExact(as, ns, set, 0L, m, digests, MemorySegment.NULL);
            return check(failed);
        }));
        variants.put("put: the C loop, prebuilt digests and names", m -> timed(() -> {
            int failed = (int) loopPutDigests.invokeExact(as, ns, set, 0L, m, digests, names);
            return check(failed);
        }));
        Bin[][] prebuiltBins = new Bin[n][];
        for (int i = 0; i < n; i++) {
            prebuiltBins[i] = new Bin[] {new Bin("name", "user-" + i), new Bin("age", i % 100), new Bin("score", i * 0.5)};
        }
        variants.put("put: client.put, prebuilt Keys and Bins (ffm)", m -> timed(() -> {
            for (int i = 0; i < m; i++) {
                client.put(null, prebuilt[i], prebuiltBins[i]);
            }
            return 0;
        }));
        variants.put("put: the C loop, one op per downcall", m -> timed(() -> {
            int failed = 0;
            for (int i = 0; i < m; i++) {
                failed += (int) loopPut.invokeExact(as, ns, set, (long) i, 1);
            }
            return check(failed);
        }));
        variants.put("put: C, one op per downcall, + caller's Bins", m -> timed(() -> {
            int failed = 0;
            long s = 0;
            for (int i = 0; i < m; i++) {
                Bin[] bins = {new Bin("name", "user-" + i), new Bin("age", i % 100), new Bin("score", i * 0.5)};
                s += bins[0].name.length() + bins[2].value.hashCode();
                failed += (int) loopPut.invokeExact(as, ns, set, (long) i, 1);
            }
            return check(failed) + s;
        }));
        Process child = null;
        if (asbenchC != null) {
            child = new ProcessBuilder(asbenchC.toString(), "--serve", "--host", host, "--port", Integer.toString(port),
                    "--namespace", NS, "--set", SET).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedWriter in = new BufferedWriter(new OutputStreamWriter(child.getOutputStream(), StandardCharsets.US_ASCII));
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            ask(in, out, "hello");
            variants.put("get: asbench-c, its own process", m -> answer(ask(in, out, "get 0 " + m)));
            variants.put("put: asbench-c, its own process", m -> answer(ask(in, out, "put 0 " + m)));
        }
        try {
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            variants.keySet().forEach(k -> results.put(k, new ArrayList<>()));
            List<Map.Entry<String, Round>> order = new ArrayList<>(variants.entrySet());
            for (int r = -2; r < rounds; r++) { // two untimed rounds for the JIT
                Collections.rotate(order, 1);
                for (var v : order) {
                    long[] t = v.getValue().run(n);
                    if (r >= 0) {
                        results.get(v.getKey()).add(new double[] {t[0] / 1e3 / n, t[1] / 1e3 / n, t[2] < 0 ? -1 : (double) t[2] / n});
                    }
                }
            }
            System.out.printf(Locale.ROOT, "put/get, %d ops x %d rounds, medians per op%n", n, rounds);
            System.out.printf(Locale.ROOT, "| %-40s | %9s | %9s | %12s |%n", "variant", "wall us", "CPU us", "heap B/op");
            for (var e : results.entrySet()) {
                double bytes = LayerTimer.median(e.getValue(), 2);
                System.out.printf(Locale.ROOT, "| %-40s | %9.2f | %9.2f | %12s |%n", e.getKey(), LayerTimer.median(e.getValue(), 0),
                        LayerTimer.median(e.getValue(), 1), bytes < 0 ? "-" : String.format(Locale.ROOT, "%.0f", bytes));
            }
        } finally {
            if (child != null) {
                child.getOutputStream().close();
                child.destroy();
            }
        }
    }

    interface Body {
        long run() throws Throwable;
    }

    private static long[] timed(Body body) throws Exception {
        long a0 = THREADS.getCurrentThreadAllocatedBytes();
        long w0 = System.nanoTime();
        long c0 = THREADS.getCurrentThreadCpuTime();
        try {
            body.run();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        long c1 = THREADS.getCurrentThreadCpuTime();
        long w1 = System.nanoTime();
        return new long[] {w1 - w0, c1 - c0, THREADS.getCurrentThreadAllocatedBytes() - a0};
    }

    private static long check(int failed) {
        if (failed != 0) {
            throw new IllegalStateException(failed + " operations of the C loop failed");
        }
        return 0;
    }

    private static String ask(BufferedWriter in, BufferedReader out, String command) throws IOException {
        in.write(command);
        in.write('\n');
        in.flush();
        String line = out.readLine();
        if (line == null || line.contains("\"error\"")) {
            throw new IOException("asbench-c: " + command + " -> " + line);
        }
        return line;
    }

    private static long[] answer(String json) {
        Matcher w = WALL.matcher(json);
        Matcher c = CPU.matcher(json);
        if (!w.find() || !c.find() || json.contains("\"errors\":") && !json.contains("\"errors\":0")) {
            throw new IllegalStateException("asbench-c answered " + json);
        }
        return new long[] {Long.parseLong(w.group(1)), Long.parseLong(c.group(1)), -1};
    }
}
