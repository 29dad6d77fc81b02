package io.asnative.reliability;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Host;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.NativeAerospikeClient;
import io.asnative.server.EmbeddedServer;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Size knobs and small helpers shared by the reliability tests.
 *
 * <p>Sizes: {@code -Dasnative.reliability.scale=full} switches every test from its CI size to the
 * full size reported in {@code docs/RELIABILITY.md}; a single knob can also be set on its own, e.g.
 * {@code -Dasnative.reliability.fuzzCalls=50000}.
 */
final class Reliability {

    /** How long a call may take before the test calls it a hang: far above every timeout used here. */
    static final Duration HANG = Duration.ofSeconds(30);
    /** The C client's shortest useful tend interval; the fault tests tend this often to recover fast. */
    static final int TEND_MS = 250;

    private Reliability() {
    }

    static boolean full() {
        return "full".equalsIgnoreCase(System.getProperty("asnative.reliability.scale", "ci"));
    }

    /** {@code -Dasnative.reliability.<name>} if set, else the CI or full size. */
    static long size(String name, long ci, long full) {
        String v = System.getProperty("asnative.reliability." + name);
        if (v != null && !v.isBlank()) {
            return Long.parseLong(v.strip().replace("_", ""));
        }
        return full() ? full : ci;
    }

    /** The backend the suite runs ({@code -Dasnative.backend}, as each surefire execution sets it). */
    static String backend() {
        String b = System.getProperty("asnative.backend", "auto");
        return b.isBlank() ? "auto" : b;
    }

    /** A client policy that tends every {@link #TEND_MS} and gives up connecting after 2 s. */
    static ClientPolicy fastTend() {
        ClientPolicy p = new ClientPolicy();
        p.tendInterval = TEND_MS;
        p.timeout = 2000;
        return p;
    }

    static NativeAerospikeClient client(ClientPolicy policy, EmbeddedServer server) {
        return new NativeAerospikeClient(policy, new Host(server.host(), server.port()));
    }

    static Policy read(int socketMs, int totalMs, int retries) {
        Policy p = new Policy();
        p.socketTimeout = socketMs;
        p.totalTimeout = totalMs;
        p.maxRetries = retries;
        p.sleepBetweenRetries = 0;
        return p;
    }

    static WritePolicy write(int socketMs, int totalMs, int retries) {
        WritePolicy p = new WritePolicy();
        p.socketTimeout = socketMs;
        p.totalTimeout = totalMs;
        p.maxRetries = retries;
        p.sleepBetweenRetries = 0;
        return p;
    }

    static BatchPolicy batch(int socketMs, int totalMs, int retries) {
        BatchPolicy p = new BatchPolicy();
        p.socketTimeout = socketMs;
        p.totalTimeout = totalMs;
        p.maxRetries = retries;
        p.sleepBetweenRetries = 0;
        return p;
    }

    /**
     * Runs {@code call} on another thread and waits at most {@link #HANG} for it: a binding that
     * hangs fails the test instead of hanging the build.
     *
     * @return what the call returned, or the exception it threw (as the value, not thrown)
     */
    static Object outcome(ExecutorService pool, Callable<?> call) {
        Future<?> f = pool.submit(call);
        try {
            return f.get(HANG.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            f.cancel(true);
            return fail("the call did not return within " + HANG.toSeconds() + " s: a hang");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static ExecutorService daemonPool(String name) {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Calls {@code probe} every tend interval until it returns without an {@link AerospikeException},
     * at most {@code tends} times.
     *
     * @return how many tend intervals it took
     */
    static int recoversWithin(int tends, Callable<?> probe) throws InterruptedException {
        AerospikeException last = null;
        for (int i = 1; i <= tends; i++) {
            try {
                probe.call();
                return i;
            } catch (AerospikeException e) {
                last = e;
            } catch (java.util.concurrent.CompletionException e) {
                if (!(e.getCause() instanceof AerospikeException ae)) {
                    throw new AssertionError("the probe failed with an undocumented exception", e);
                }
                last = ae;
            } catch (Exception e) {
                throw new AssertionError("the probe failed with an undocumented exception", e);
            }
            Thread.sleep(TEND_MS);
        }
        throw new AssertionError("the client did not recover within " + tends + " tend intervals of " + TEND_MS
                + " ms; last error: " + last, last);
    }
}
