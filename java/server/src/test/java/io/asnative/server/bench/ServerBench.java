package io.asnative.server.bench;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.policy.ClientPolicy;
import io.asnative.server.EmbeddedServer;
import io.asnative.server.ServerConfig;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast the embedded server answers the Java client, on this machine, with client and
 * server in one JVM (they share the cores as they would in a benchmark run). Not a test.
 *
 * <pre>
 * mvn -q -pl java/server -am test-compile
 * mvn -q -pl java/server dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp java/server/target/classes:java/server/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.asnative.server.bench.ServerBench [records-for-memory, default 1000000]
 * </pre>
 * With {@code --server HOST:PORT} it measures a server in another process instead (e.g.
 * {@code java -jar java/server/target/asnative-server.jar --port 3000}), skipping the memory part.
 */
public final class ServerBench {
    private static final int SEQUENTIAL = 50_000;
    private static final int KEYSPACE = 10_000;
    private static final long THROUGHPUT_NANOS = 3_000_000_000L;

    private ServerBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        if (args.length == 2 && args[0].equals("--server")) {
            int colon = args[1].lastIndexOf(':');
            System.out.println("server in another process at " + args[1]);
            clientSide(args[1].substring(0, colon), Integer.parseInt(args[1].substring(colon + 1)));
            return;
        }
        int memoryRecords = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (EmbeddedServer server = EmbeddedServer.start(ServerConfig.builder().build())) {
            System.out.println("server in this JVM at " + server.host() + ':' + server.port());
            clientSide(server.host(), server.port());
            memory(server, memoryRecords);
        }
    }

    private static void clientSide(String host, int port) throws InterruptedException {
        ClientPolicy cp = new ClientPolicy();
        cp.maxConnsPerNode = 300;
        try (AerospikeClient client = new AerospikeClient(cp, new Host(host, port))) {
            byte[] value = new byte[100];
            Key[] keys = new Key[KEYSPACE];
            for (int i = 0; i < KEYSPACE; i++) {
                keys[i] = new Key("test", "bench", i);
            }
            sequential("put", client, keys, value, true, 20_000); // warm-up
            sequential("get", client, keys, value, false, 20_000);
            report("sequential put", sequential("put", client, keys, value, true, SEQUENTIAL));
            report("sequential get", sequential("get", client, keys, value, false, SEQUENTIAL));
            for (int threads : new int[] {1, 4, 16, 64}) {
                System.out.printf("get throughput %2d threads: %,9.0f ops/s%n", threads, throughput(client, keys, threads));
            }
            batch(client);
        }
    }

    private static long[] sequential(String what, AerospikeClient client, Key[] keys, byte[] value, boolean put, int n) {
        long[] nanos = new long[n];
        Bin bin = new Bin("v", value);
        for (int i = 0; i < n; i++) {
            Key key = keys[i % keys.length];
            long t0 = System.nanoTime();
            if (put) {
                client.put(null, key, bin);
            } else if (client.get(null, key) == null) {
                throw new IllegalStateException(what + ": missing " + key);
            }
            nanos[i] = System.nanoTime() - t0;
        }
        return nanos;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double avg = Arrays.stream(nanos).average().orElse(0) / 1e6;
        double p99 = sorted[(int) (sorted.length * 0.99)] / 1e6;
        System.out.printf("%s: avg %.4f ms, p99 %.4f ms (%d ops)%n", what, avg, p99, nanos.length);
    }

    private static double throughput(AerospikeClient client, Key[] keys, int threads) throws InterruptedException {
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long end = System.nanoTime() + THROUGHPUT_NANOS;
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Thread th = new Thread(() -> {
                long n = 0;
                int i = seed * 7919;
                try {
                    while (System.nanoTime() < end) {
                        try {
                            client.get(null, keys[(i++ & Integer.MAX_VALUE) % keys.length]);
                            n++;
                        } catch (AerospikeException e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    ops.addAndGet(n);
                    done.countDown();
                }
            });
            th.start();
        }
        done.await();
        if (errors.get() > 0) {
            System.out.println("  (" + errors.get() + " commands failed, e.g. client timeouts)");
        }
        return ops.get() / (THROUGHPUT_NANOS / 1e9);
    }

    private static void batch(AerospikeClient client) {
        Key[] keys = new Key[5000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new Key("test", "bench", i);
        }
        for (int i = 0; i < 20; i++) {
            client.get(null, keys); // warm-up
        }
        int rounds = 50;
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            Record[] rs = client.get(null, keys);
            nanos[i] = System.nanoTime() - t0;
            if (rs[4999] == null) {
                throw new IllegalStateException("batch missed a record");
            }
        }
        Arrays.sort(nanos);
        System.out.printf("batch get 5000 keys: median %.2f ms, min %.2f ms, max %.2f ms (%d rounds)%n",
                nanos[rounds / 2] / 1e6, nanos[0] / 1e6, nanos[rounds - 1] / 1e6, rounds);
    }

    private static void memory(EmbeddedServer server, int records) throws Exception {
        server.truncate("test");
        long before = usedHeapAfterGc();
        int threads = 8;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers[t] = new Thread(() -> {
                try (AerospikeClient c = new AerospikeClient(server.host(), server.port())) {
                    String text = "x".repeat(100);
                    for (int i = first; i < records; i += threads) {
                        c.put(null, new Key("test", "mem", i), new Bin("v", text));
                    }
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        long after = usedHeapAfterGc();
        System.out.printf("memory: %,d records with one 100-byte string bin: %,d bytes of heap, %.0f bytes/record%n",
                server.objectCount("test"), after - before, (after - before) / (double) records);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
