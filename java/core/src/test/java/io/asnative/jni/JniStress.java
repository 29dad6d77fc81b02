package io.asnative.jni;

import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.policy.ClientPolicy;
import io.asnative.NativeAerospikeClient;
import io.asnative.server.EmbeddedServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Native memory over many put+get cycles through the JNI backend (not a unit test: a measurement).
 *
 * <pre>
 * java -XX:NativeMemoryTracking=summary -Xms256m -Xmx256m -XX:+AlwaysPreTouch \
 *      -cp &lt;core test classpath&gt; io.asnative.jni.JniStress [cycles] [host:port]
 * </pre>
 *
 * Without host:port it starts an embedded server in this process (its records then count in this
 * process's memory; the key space is bounded, so they stop growing after the warm-up). Prints
 * VmRSS / VmHWM from /proc/self/status after the warm-up and at every tenth, and the JVM's native
 * memory summary ({@code jcmd <pid> VM.native_memory summary}) before and after when tracking is on.
 */
public final class JniStress {

    private static final int KEYS = 10_000;

    private JniStress() {
    }

    public static void main(String[] args) throws Exception {
        long cycles = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        EmbeddedServer server = null;
        String host;
        int port;
        if (args.length > 1) {
            host = args[1].substring(0, args[1].lastIndexOf(':'));
            port = Integer.parseInt(args[1].substring(args[1].lastIndexOf(':') + 1));
        } else {
            server = EmbeddedServer.start();
            host = server.host();
            port = server.port();
        }
        System.out.printf("Java %s, pid %d, server %s:%d, %,d put+get cycles over %,d keys%n",
                Runtime.version(), ProcessHandle.current().pid(), host, port, cycles, KEYS);
        try (NativeAerospikeClient client = NativeAerospikeClient.withBackend("jni", new ClientPolicy(), new Host(host, port))) {
            System.out.println("backend " + client.backendName() + ", C client " + client.cClientVersion());
            long warmup = Math.min(cycles, 100_000);
            run(client, warmup, "test");
            System.gc();
            String before = status();
            System.out.println("after warm-up (" + warmup + " cycles): " + before);
            String nmtBefore = nmt();
            long start = System.nanoTime();
            long step = Math.max(1, cycles / 10);
            for (long done = 0; done < cycles; done += step) {
                run(client, Math.min(step, cycles - done), "test");
                System.out.printf("%,10d cycles: %s%n", done + Math.min(step, cycles - done), status());
            }
            long nanos = System.nanoTime() - start;
            System.gc();
            System.out.printf("%,d put+get in %.1f s (%.1f us per put+get)%n", cycles, nanos / 1e9, nanos / 1e3 / cycles);
            System.out.println("after: " + status());
            if (nmtBefore != null) {
                System.out.println("--- VM.native_memory summary after warm-up ---");
                System.out.println(nmtBefore);
                System.out.println("--- VM.native_memory summary after the run ---");
                System.out.println(nmt());
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static void run(NativeAerospikeClient client, long n, String ns) {
        for (long i = 0; i < n; i++) {
            Key key = new Key(ns, "stress", (int) (i % KEYS));
            client.put(null, key, new Bin("i", i), new Bin("s", "value-" + (i % 1000)));
            Record r = client.get(null, key);
            if (r == null || r.getLong("i") != i) {
                throw new IllegalStateException("bad read at " + i + ": " + r);
            }
        }
    }

    /** VmRSS and VmHWM of this process. */
    private static String status() throws IOException {
        String rss = "?";
        String hwm = "?";
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).trim();
            } else if (line.startsWith("VmHWM:")) {
                hwm = line.substring(6).trim();
            }
        }
        return "VmRSS " + rss + ", VmHWM " + hwm;
    }

    /** The JVM's own native memory summary, or null when -XX:NativeMemoryTracking is off. */
    private static String nmt() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return null;
        }
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(ProcessHandle.current().pid()),
                "VM.native_memory", "summary").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        if (out.contains("not enabled")) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.startsWith("Total") || line.startsWith("-") || line.trim().startsWith("malloc:")
                    || line.trim().startsWith("mmap:")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
