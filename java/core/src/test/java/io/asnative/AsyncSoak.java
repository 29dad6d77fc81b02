package io.asnative;

import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.policy.ClientPolicy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The async soak of issue 7 (a measurement main, not a test): N async puts and gets with at most
 * `inFlight` outstanding, counting successes, failures and futures never completed, with RSS
 * before and after. Needs a server (e.g. `java -jar java/server/target/asnative-server.jar --port 3917`):
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp &lt;core test classpath&gt; io.asnative.AsyncSoak 1000000 100 127.0.0.1:3917
 * </pre>
 */
public final class AsyncSoak {

    private AsyncSoak() {
    }

    public static void main(String[] args) throws Exception {
        long ops = Long.parseLong(args[0]);
        int inFlight = Integer.parseInt(args[1]);
        String hostPort = args[2];
        Host host = new Host(hostPort.substring(0, hostPort.lastIndexOf(':')),
                Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1)));
        ClientPolicy policy = new ClientPolicy();
        policy.readPolicyDefault.totalTimeout = 10_000;
        policy.writePolicyDefault.totalTimeout = 10_000;
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        Semaphore window = new Semaphore(inFlight);
        long start;
        long rssBefore;
        try (NativeAerospikeClient client = new NativeAerospikeClient(policy,
                AsyncConfig.defaults().withMaxCommandsInFlight(inFlight).withCompletionExecutor(Runnable::run), host)) {
            for (int i = 0; i < 20_000; i++) { // warm-up
                client.putAsync(null, new Key("test", "soak", i % 10_000), new Bin("v", i % 10_000)).join();
            }
            rssBefore = rssKb();
            start = System.nanoTime();
            for (long i = 0; i < ops; i++) {
                window.acquire();
                int k = (int) (i % 10_000);
                Key key = new Key("test", "soak", k);
                CompletableFuture<?> f = (i & 1) == 0
                        ? client.putAsync(null, key, new Bin("v", k))
                        : client.getAsync(null, key).thenAccept(r -> {
                            if (r == null || ((Long) r.getValue("v")) != k) {
                                wrong.incrementAndGet();
                            }
                        });
                f.whenComplete((v, e) -> {
                    if (e == null) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    window.release();
                });
                if (i % 200_000 == 0 && i > 0) {
                    System.err.printf("%,d ops, RSS %,d kB%n", i, rssKb());
                }
            }
            window.acquire(inFlight); // every future completed
            window.release(inFlight);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long leaked = ops - ok.get() - failed.get();
        System.out.printf("async soak: %,d ops in %.1f s (%,.0f ops/s), ok %,d, failed %,d, wrong %,d, never completed %,d, "
                + "RSS %,d kB -> %,d kB%n", ops, secs, ops / secs, ok.get(), failed.get(), wrong.get(), leaked, rssBefore, rssKb());
        if (failed.get() > 0 || wrong.get() > 0 || leaked != 0) {
            System.exit(1);
        }
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
