package io.asnative.jni;

import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.policy.ClientPolicy;
import io.asnative.NativeAerospikeClient;
import io.asnative.server.EmbeddedServer;

/**
 * A quick side-by-side measurement (not a test, not JMH): sequential put and get latency through
 * the JNI and the FFM backend in one JVM, against one server, in alternating rounds so that both
 * see the same machine state. Needs Java 22+ and native access for the FFM half:
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp &lt;core test classpath&gt; io.asnative.jni.JniVsFfmLatency [ops] [host:port]
 * </pre>
 */
public final class JniVsFfmLatency {

    private JniVsFfmLatency() {
    }

    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
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
        try (NativeAerospikeClient jni = NativeAerospikeClient.withBackend("jni", new ClientPolicy(), new Host(host, port));
             NativeAerospikeClient ffm = NativeAerospikeClient.withBackend("ffm", new ClientPolicy(), new Host(host, port))) {
            NativeAerospikeClient[] clients = {jni, ffm};
            // Short alternating chunks, so that both backends see the same machine state (other
            // processes, server GC); the median of the chunks' per-op times is reported.
            int chunk = 500;
            int chunks = Math.max(7, ops / chunk);
            double[][] put = new double[2][chunks];
            double[][] get = new double[2][chunks];
            for (int c = 0; c < 2; c++) {
                for (int w = 0; w < 20; w++) {
                    round(clients[c], chunk, new double[2]); // warm-up
                }
            }
            for (int r = 0; r < chunks; r++) {
                for (int c = 0; c < 2; c++) {
                    int who = (r & 1) == 0 ? c : 1 - c; // alternate who goes first
                    double[] us = new double[2];
                    round(clients[who], chunk, us);
                    put[who][r] = us[0];
                    get[who][r] = us[1];
                }
            }
            System.out.printf("Java %s, %d alternating chunks of %d puts + %d gets per backend, us per op (median)%n",
                    Runtime.version(), chunks, chunk, chunk);
            for (int c = 0; c < 2; c++) {
                System.out.printf("%s: put %.2f us, get %.2f us%n", clients[c].backendName(), median(put[c]), median(get[c]));
            }
            System.out.printf("jni/ffm: put %.3f, get %.3f%n", median(put[0]) / median(put[1]), median(get[0]) / median(get[1]));
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static void round(NativeAerospikeClient client, int ops, double[] us) {
        Key[] keys = new Key[1000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new Key("test", "latency", i);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            client.put(null, keys[i % keys.length], new Bin("i", i), new Bin("s", "value"));
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            if (client.get(null, keys[i % keys.length]) == null) {
                throw new IllegalStateException("missing record");
            }
        }
        long t2 = System.nanoTime();
        us[0] = (t1 - t0) / 1e3 / ops;
        us[1] = (t2 - t1) / 1e3 / ops;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }
}
