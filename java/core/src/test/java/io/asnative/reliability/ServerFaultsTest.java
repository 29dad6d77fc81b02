package io.asnative.reliability;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.NativeAerospikeClient;
import io.asnative.server.EmbeddedServer;
import io.asnative.server.ServerConfig;
import io.asnative.server.ServerNode;
import io.asnative.server.junit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static io.asnative.reliability.Reliability.HANG;
import static io.asnative.reliability.Reliability.batch;
import static io.asnative.reliability.Reliability.outcome;
import static io.asnative.reliability.Reliability.read;
import static io.asnative.reliability.Reliability.recoversWithin;
import static io.asnative.reliability.Reliability.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the client does when the server misbehaves, through the active backend: each test starts its
 * own embedded server (skipped, with the reason, when the suite runs against a real server) and
 * injects a fault with {@link io.asnative.server.NodeFaults} or stops a node.
 *
 * <p>No timing is asserted: "within the deadline" is shown by the kind of failure (a timeout, result
 * code 9, from the C client's own deadline) and "no hang" by a {@link Reliability#HANG} bound that
 * only a stuck call would reach.
 */
class ServerFaultsTest {

    private final ExecutorService pool = Reliability.daemonPool("fault-call");
    private final List<AutoCloseable> closeLast = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeLast.size() - 1; i >= 0; i--) {
            closeLast.get(i).close();
        }
        pool.shutdownNow();
    }

    private EmbeddedServer server(int nodes) {
        EmbeddedServer s = TestServers.embedded(ServerConfig.builder().nodes(nodes).build());
        closeLast.add(s);
        return s;
    }

    private NativeAerospikeClient client(ClientPolicy policy, EmbeddedServer server) {
        NativeAerospikeClient c = Reliability.client(policy, server);
        closeLast.add(c);
        return c;
    }

    /** Every kind of call, each with a short deadline: 200 ms per attempt, 600 ms in all. */
    private static Map<String, Callable<?>> everyKindOfCall(NativeAerospikeClient client, Key key) {
        Policy r = read(200, 600, 1);
        WritePolicy w = write(200, 600, 1);
        Map<String, Callable<?>> calls = new LinkedHashMap<>();
        calls.put("get", () -> client.get(r, key));
        calls.put("get bins", () -> client.get(r, key, "a"));
        calls.put("getHeader", () -> client.getHeader(r, key));
        calls.put("exists", () -> client.exists(r, key));
        calls.put("put", () -> {
            client.put(w, key, new Bin("a", 2));
            return null;
        });
        calls.put("delete", () -> client.delete(w, key));
        calls.put("touch", () -> {
            client.touch(w, key);
            return null;
        });
        calls.put("operate", () -> client.operate(w, key, Operation.add(new Bin("n", 1)), Operation.get("n")));
        calls.put("batch get", () -> client.get(batch(200, 600, 1), new Key[] {key, new Key(key.namespace, key.setName, "other")}));
        calls.put("batch exists", () -> client.exists(batch(200, 600, 1), new Key[] {key}));
        return calls;
    }

    @Test
    void aStalledServerFailsEveryCallWithATimeout() throws Exception {
        EmbeddedServer server = server(1);
        NativeAerospikeClient client = client(Reliability.fastTend(), server);
        Key key = new Key("test", "stall", 1);
        client.put(null, key, new Bin("a", 1));

        server.node(0).faults().stopAnswering();
        for (Map.Entry<String, Callable<?>> call : everyKindOfCall(client, key).entrySet()) {
            Object outcome = outcome(pool, call.getValue());
            AerospikeException e = assertInstanceOf(AerospikeException.class, outcome, call.getKey() + ": " + outcome);
            assertInstanceOf(AerospikeException.Timeout.class, e, call.getKey() + ": " + e);
            assertEquals(ResultCode.TIMEOUT, e.getResultCode(), call.getKey() + ": " + e);
        }

        server.node(0).faults().clear();
        recoversWithin(40, () -> client.get(read(200, 600, 1), key));
        assertEquals(1L, client.get(null, key).getLong("a"), "the value written before the stall");
    }

    @Test
    void aSlowServerIsATimeoutAndAPatientPolicyWaitsForIt() throws Exception {
        EmbeddedServer server = server(1);
        NativeAerospikeClient client = client(Reliability.fastTend(), server);
        Key key = new Key("test", "slow", 1);
        client.put(null, key, new Bin("a", 1));

        server.node(0).faults().delayResponses(Duration.ofMillis(700));
        Object impatient = outcome(pool, () -> client.get(read(300, 300, 0), key));
        AerospikeException e = assertInstanceOf(AerospikeException.Timeout.class, impatient, String.valueOf(impatient));
        assertEquals(ResultCode.TIMEOUT, e.getResultCode());
        Object patient = outcome(pool, () -> client.get(read(5000, 10_000, 0), key));
        Record record = assertInstanceOf(Record.class, patient, String.valueOf(patient));
        assertEquals(1L, record.getLong("a"));
    }

    @Test
    void aConnectionDroppedMidRequestIsAnExceptionAndARetryGetsThrough() throws Exception {
        EmbeddedServer server = server(1);
        NativeAerospikeClient client = client(Reliability.fastTend(), server);
        Key key = new Key("test", "drop", 1);
        client.put(null, key, new Bin("a", 1));

        // No retry: the dropped request is the caller's error, a connection error (or a timeout).
        server.node(0).faults().closeAfterNextRequests(1);
        Object once = outcome(pool, () -> client.get(read(1000, 2000, 0), key));
        assertConnectionOrTimeout(once);
        server.node(0).faults().closeAfterNextRequests(1);
        Object write = outcome(pool, () -> {
            client.put(write(1000, 2000, 0), key, new Bin("a", 2));
            return null;
        });
        assertConnectionOrTimeout(write);

        // With retries the C client opens a new connection and the caller sees nothing.
        server.node(0).faults().closeAfterNextRequests(2);
        Object retried = outcome(pool, () -> client.get(read(1000, 5000, 3), key));
        assertInstanceOf(Record.class, retried, String.valueOf(retried));

        // New connections closed at once by the server (a refusing proxy): errors, then recovery.
        server.node(0).stop();
        server.node(0).faults().dropNextConnections(3);
        server.node(0).start();
        recoversWithin(40, () -> client.get(read(500, 1000, 0), key));
    }

    private static void assertConnectionOrTimeout(Object outcome) {
        AerospikeException e = assertInstanceOf(AerospikeException.class, outcome, String.valueOf(outcome));
        assertTrue(e instanceof AerospikeException.Connection || e instanceof AerospikeException.Timeout,
                "a connection error or a timeout, not " + e.getClass().getName() + ": " + e);
    }

    @Test
    void aStoppedNodeIsAnErrorNotAHangAndTheClientRecoversWhenItReturns() throws Exception {
        EmbeddedServer server = server(1);
        NativeAerospikeClient client = client(Reliability.fastTend(), server);
        Key key = new Key("test", "stop", 1);
        client.put(null, key, new Bin("a", 1));

        server.node(0).stop();
        for (int i = 0; i < 3; i++) { // before and after the tend thread notices
            for (Map.Entry<String, Callable<?>> call : everyKindOfCall(client, key).entrySet()) {
                Object outcome = outcome(pool, call.getValue());
                assertInstanceOf(AerospikeException.class, outcome, call.getKey() + " on a stopped node: " + outcome);
            }
            Thread.sleep(Reliability.TEND_MS);
        }

        server.node(0).start();
        recoversWithin(40, () -> client.get(read(500, 1000, 0), key));
        assertEquals(1L, client.get(null, key).getLong("a"));
        client.put(null, key, new Bin("a", 3));
        assertEquals(3L, client.get(null, key).getLong("a"));
    }

    @Test
    void aNodeBehindAFailedNetworkIsAnErrorAndTheClientRecoversWhenItHeals() throws Exception {
        EmbeddedServer server = server(1);
        NativeAerospikeClient client = client(Reliability.fastTend(), server);
        Key key = new Key("test", "partition", 1);
        client.put(null, key, new Bin("a", 1));

        // No new connections, and every request on an open one is cut off unanswered.
        server.node(0).faults().refuseConnections().closeAfterNextRequests(Integer.MAX_VALUE);
        for (Map.Entry<String, Callable<?>> call : everyKindOfCall(client, key).entrySet()) {
            Object outcome = outcome(pool, call.getValue());
            assertInstanceOf(AerospikeException.class, outcome, call.getKey() + ": " + outcome);
        }

        server.node(0).faults().clear();
        recoversWithin(40, () -> client.get(read(500, 1000, 0), key));
        assertEquals(1L, client.get(null, key).getLong("a"));
    }

    /**
     * Many failures in one tend interval trip the C client's per-node circuit breaker
     * ({@code max_error_rate}, 100 by default, like the Java client's): further calls fail at once
     * with the Java client's {@link AerospikeException.Backoff}, result code MAX_ERROR_RATE; once
     * the server answers again the client recovers by itself.
     */
    @Test
    void manyTimeoutsTripTheCircuitBreakerWhichIsBackoff() throws Exception {
        EmbeddedServer server = server(1);
        ClientPolicy policy = Reliability.fastTend();
        policy.tendInterval = 2000; // the error window: long enough to collect 100 errors on a loaded machine
        NativeAerospikeClient client = client(policy, server);
        Key key = new Key("test", "breaker", 1);
        client.put(null, key, new Bin("a", 1));

        server.node(0).faults().stopAnswering();
        Policy quick = read(20, 20, 0);
        List<Future<AerospikeException>> callers = new ArrayList<>();
        AtomicBoolean tripped = new AtomicBoolean();
        for (int t = 0; t < 8; t++) {
            callers.add(pool.submit(() -> {
                for (int i = 0; i < 2000 && !tripped.get(); i++) {
                    try {
                        client.get(quick, key);
                    } catch (AerospikeException e) {
                        if (!(e instanceof AerospikeException.Timeout)) {
                            tripped.set(true);
                            return e;
                        }
                    }
                }
                return null;
            }));
        }
        AerospikeException backoff = null;
        for (Future<AerospikeException> f : callers) {
            AerospikeException e = f.get(HANG.toSeconds(), TimeUnit.SECONDS);
            if (e != null) {
                backoff = e;
            }
        }
        assertNotNull(backoff, "16,000 timeouts never tripped the circuit breaker");
        assertInstanceOf(AerospikeException.Backoff.class, backoff, String.valueOf(backoff));
        assertEquals(ResultCode.MAX_ERROR_RATE, backoff.getResultCode(), String.valueOf(backoff));

        server.node(0).faults().clear();
        recoversWithin(40, () -> client.get(read(500, 1000, 0), key));
    }

    /**
     * The ClientPolicy's breaker settings reach C: the breaker trips after {@code maxErrorRate}
     * timeouts in its window (C's default, 100, would need 101). The window is 5 tends of 2 s, so
     * the count is not reset while the test runs.
     */
    @Test
    void theClientPolicysMaxErrorRateReachesTheCircuitBreaker() throws Exception {
        EmbeddedServer server = server(1);
        for (int rate : new int[] {5, 50}) {
            ClientPolicy policy = Reliability.fastTend();
            policy.tendInterval = 2000;
            policy.maxErrorRate = rate;
            policy.errorRateWindow = 5;
            NativeAerospikeClient client = client(policy, server);
            Key key = new Key("test", "breaker-policy", rate);
            client.put(null, key, new Bin("a", 1));
            server.node(0).faults().stopAnswering();
            int timeouts = timeoutsBeforeTheBreakerTrips(client, key, 100);
            server.node(0).faults().clear();
            assertTrue(timeouts >= rate && timeouts <= rate + 5,
                    "maxErrorRate " + rate + ": the breaker tripped after " + timeouts + " timeouts");
        }
    }

    /** Sequential 20 ms gets until one fails with Backoff (MAX_ERROR_RATE); their count, or fails. */
    private static int timeoutsBeforeTheBreakerTrips(NativeAerospikeClient client, Key key, int max) {
        Policy quick = read(20, 20, 0);
        for (int i = 0; i < max; i++) {
            try {
                client.get(quick, key);
            } catch (AerospikeException.Backoff e) {
                assertEquals(ResultCode.MAX_ERROR_RATE, e.getResultCode(), String.valueOf(e));
                return i;
            } catch (AerospikeException.Timeout e) {
                // counted by the breaker
            }
        }
        throw new AssertionError("no Backoff within " + max + " calls");
    }

    @Test
    void aNegativeMaxErrorRateIsRefused() {
        ClientPolicy bad = Reliability.fastTend();
        bad.maxErrorRate = -1;
        EmbeddedServer server = server(1);
        AerospikeException e = org.junit.jupiter.api.Assertions.assertThrows(AerospikeException.class, () -> client(bad, server));
        assertEquals(ResultCode.PARAMETER_ERROR, e.getResultCode());
    }

    @Test
    void anExhaustedConnectionPoolIsNoMoreConnections() throws Exception {
        EmbeddedServer server = server(1);
        ClientPolicy policy = Reliability.fastTend();
        policy.maxConnsPerNode = 2;
        NativeAerospikeClient client = client(policy, server);
        Key key = new Key("test", "pool", 1);
        client.put(null, key, new Bin("a", 1));

        // Every response takes a second; 8 threads want a connection where 2 exist.
        server.node(0).faults().delayResponses(Duration.ofSeconds(1));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> calls = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            calls.add(pool.submit(() -> {
                start.await();
                try {
                    return client.get(read(5000, 5000, 0), key);
                } catch (AerospikeException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        int noMoreConnections = 0;
        for (Future<Object> call : calls) {
            Object outcome = call.get(HANG.toSeconds(), TimeUnit.SECONDS);
            if (outcome instanceof AerospikeException e) {
                assertEquals(ResultCode.NO_MORE_CONNECTIONS, e.getResultCode(), "the only error expected: " + e);
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a message says why: " + e);
                noMoreConnections++;
            } else {
                assertEquals(1L, ((Record) outcome).getLong("a"));
            }
        }
        assertTrue(noMoreConnections > 0, "with 2 connections for 8 concurrent calls some must be refused");
        assertTrue(noMoreConnections < threads, "the calls that got a connection succeed");

        server.node(0).faults().clear();
        assertEquals(1L, client.get(null, key).getLong("a"));
    }

    /**
     * Writers run put-then-read-back on their own keys while node 1 of 3 leaves and rejoins. During
     * the change calls may fail (with an {@link AerospikeException}, nothing else); no read may ever
     * return a value that was not written; after the map settles every call succeeds and node 1
     * serves its partitions again.
     */
    @Test
    void aNodeLeavingAndRejoiningAThreeNodeClusterDuringARun() throws Exception {
        EmbeddedServer server = server(3);
        NativeAerospikeClient client = client(Reliability.fastTend(), server);
        WritePolicy w = write(500, 2000, 2);
        Policy r = read(500, 2000, 2);

        int writers = 4;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong successes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<Throwable> wrong = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            int id = t;
            running.add(pool.submit(() -> {
                long[] confirmed = new long[200];
                long[] uncertain = new long[200];
                java.util.Arrays.fill(confirmed, -1);
                java.util.Arrays.fill(uncertain, -1);
                for (long i = 1; !stop.get(); i++) {
                    int k = (int) (i % confirmed.length);
                    Key key = new Key("test", "rejoin", id * 1_000_000 + k);
                    long value = i;
                    try {
                        client.put(w, key, new Bin("v", value));
                        confirmed[k] = value;
                        uncertain[k] = -1;
                        Record rec = client.get(r, key);
                        if (rec == null || rec.getLong("v") != value) {
                            wrong.compareAndSet(null, new AssertionError("wrote " + value + " to " + key + ", read " + rec));
                        }
                        successes.incrementAndGet();
                    } catch (AerospikeException e) {
                        failures.incrementAndGet();
                        if (uncertain[k] == -1) {
                            uncertain[k] = value; // the write may or may not have happened
                        }
                    } catch (Throwable e) {
                        wrong.compareAndSet(null, e);
                        return;
                    }
                }
            }));
        }

        ServerNode leaving = server.node(1);
        waitFor(successes, 200);
        leaving.stop();
        Thread.sleep(4L * Reliability.TEND_MS);
        leaving.start();
        // Settle: a few tend intervals for the client to see node 1 and its partitions again.
        Thread.sleep(8L * Reliability.TEND_MS);

        long failuresBefore = failures.get();
        long successesBefore = successes.get();
        long node1Before = leaving.stats().keys();
        Thread.sleep(6L * Reliability.TEND_MS);
        long failuresAfterSettling = failures.get() - failuresBefore;
        long successesAfterSettling = successes.get() - successesBefore;
        long node1After = leaving.stats().keys();
        stop.set(true);
        for (Future<?> f : running) {
            f.get(HANG.toSeconds(), TimeUnit.SECONDS);
        }

        assertNull(wrong.get(), () -> "a wrong answer or an undocumented exception: " + wrong.get());
        assertEquals(0, failuresAfterSettling, "every call succeeds once the map has settled");
        assertTrue(successesAfterSettling > 0, "calls ran after settling");
        assertTrue(node1After > node1Before, "the rejoined node serves its partitions again");
    }

    private static void waitFor(AtomicLong counter, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + HANG.toNanos();
        while (counter.get() < atLeast) {
            if (System.nanoTime() > deadline) {
                fail("the writers made no progress on a healthy cluster");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void withAStalledServerEveryAsyncFutureFailsWithATimeoutAndNoneIsLeftPending() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Reliability.backend().equals("jni"),
                "async commands exist on the FFM backend only; this run uses JNI");
        EmbeddedServer server = server(1);
        NativeAerospikeClient client = new NativeAerospikeClient(Reliability.fastTend(),
                io.asnative.AsyncConfig.defaults().withCompletionExecutor(pool),
                new com.aerospike.client.Host(server.host(), server.port()));
        closeLast.add(client);
        Key key = new Key("test", "async-stall", 1);
        client.putAsync(null, key, new Bin("a", 1)).get(HANG.toSeconds(), TimeUnit.SECONDS);

        server.node(0).faults().stopAnswering();
        List<java.util.concurrent.CompletableFuture<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Key k = new Key("test", "async-stall", i);
            futures.add(switch (i % 4) {
                case 0 -> client.getAsync(read(200, 500, 1), k);
                case 1 -> client.putAsync(write(200, 500, 1), k, new Bin("a", i));
                case 2 -> client.existsAsync(read(200, 500, 1), k);
                default -> client.getAsync(batch(200, 500, 1), new Key[] {k, key});
            });
        }
        int timeouts = 0;
        for (java.util.concurrent.CompletableFuture<?> f : futures) {
            Object outcome;
            try {
                outcome = f.get(HANG.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                outcome = e.getCause();
            } catch (java.util.concurrent.TimeoutException e) {
                outcome = fail("an async command against a stalled server never completed");
            }
            // Past 100 errors in a tend interval the C client's circuit breaker refuses the rest.
            AerospikeException e = assertInstanceOf(AerospikeException.class, outcome, String.valueOf(outcome));
            if (e instanceof AerospikeException.Backoff) {
                assertEquals(ResultCode.MAX_ERROR_RATE, e.getResultCode(), String.valueOf(e));
            } else {
                assertInstanceOf(AerospikeException.Timeout.class, e, String.valueOf(e));
                assertEquals(ResultCode.TIMEOUT, e.getResultCode());
                timeouts++;
            }
        }
        assertTrue(timeouts > 0, "commands time out");
        assertEquals(0, client.asyncCommandsInFlight(), "no command is left pending");

        server.node(0).faults().clear();
        recoversWithin(40, () -> client.getAsync(read(200, 600, 1), key).join());
        assertNotNull(client.getAsync(null, key).get(HANG.toSeconds(), TimeUnit.SECONDS));
    }
}
