package io.asnative.reliability;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import io.asnative.AsyncConfig;
import io.asnative.NativeAerospikeClient;
import io.asnative.server.EmbeddedServer;
import io.asnative.server.ServerConfig;
import io.asnative.server.junit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.asnative.reliability.Reliability.HANG;
import static io.asnative.reliability.Reliability.batch;
import static io.asnative.reliability.Reliability.outcome;
import static io.asnative.reliability.Reliability.read;
import static io.asnative.reliability.Reliability.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code close()} against calls that are stuck inside the C client: a stronger form of
 * {@code LifecycleTest}'s close-while-busy, where the calls are blocked in a stalled server (so they
 * are certainly inside native code, holding the native handle) when close is called. The handle
 * must not be freed under them: they finish or fail with an {@link AerospikeException}, close
 * returns, and the JVM is still there to say so.
 */
class CloseDuringCallsTest {

    private final ExecutorService pool = Reliability.daemonPool("close-call");
    private final List<AutoCloseable> closeLast = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeLast.size() - 1; i >= 0; i--) {
            closeLast.get(i).close();
        }
        pool.shutdownNow();
    }

    private EmbeddedServer server() {
        EmbeddedServer s = TestServers.embedded(ServerConfig.builder().build());
        closeLast.add(s);
        return s;
    }

    @Test
    void closeWhileCallsAreBlockedInAStalledServer() throws Exception {
        EmbeddedServer server = server();
        NativeAerospikeClient client = Reliability.client(Reliability.fastTend(), server);
        Key key = new Key("test", "close-stalled", 1);
        client.put(null, key, new Bin("a", 1));

        server.node(0).faults().stopAnswering();
        long requestsBefore = server.node(0).stats().connectionsAccepted();
        int threads = 8;
        CountDownLatch started = new CountDownLatch(threads);
        List<Future<Object>> calls = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            calls.add(pool.submit(() -> {
                started.countDown();
                try {
                    // A deadline long enough that close() certainly comes while the call waits.
                    return switch (id % 4) {
                        case 0 -> client.get(read(1500, 1500, 0), key);
                        case 1 -> {
                            client.put(write(1500, 1500, 0), new Key("test", "close-stalled", id), new Bin("a", id));
                            yield "put";
                        }
                        case 2 -> client.get(batch(1500, 1500, 0), new Key[] {key, new Key("test", "close-stalled", id)});
                        default -> client.operate(write(1500, 1500, 0), key, Operation.add(new Bin("n", 1)), Operation.get());
                    };
                } catch (AerospikeException e) {
                    return e;
                }
            }));
        }
        started.await();
        // Let them reach the server (each opens its own connection, so count those).
        long deadline = System.nanoTime() + HANG.toNanos();
        while (server.node(0).stats().connectionsAccepted() - requestsBefore < threads - 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(100);

        Object closed = outcome(pool, () -> {
            client.close();
            return "closed";
        });
        assertEquals("closed", closed, "close() returned");
        for (Future<Object> call : calls) {
            Object outcome = call.get(HANG.toSeconds(), TimeUnit.SECONDS);
            assertTrue(outcome instanceof AerospikeException, "a call into a stalled server fails: " + outcome);
            assertEquals(ResultCode.TIMEOUT, ((AerospikeException) outcome).getResultCode(),
                    "it ran to its own deadline, undisturbed by close: " + outcome);
        }
        assertTrue(client.isClosed());
        AerospikeException after = assertThrows(AerospikeException.class, () -> client.get(null, key));
        assertEquals(ResultCode.CLIENT_ERROR, after.getResultCode());

        server.node(0).faults().clear();
        try (NativeAerospikeClient fresh = Reliability.client(Reliability.fastTend(), server)) {
            assertEquals(1L, fresh.get(null, key).getLong("a"), "the process and a new client still work");
        }
    }

    @Test
    void closeFromManyThreadsAtOnceClosesOnceAndEveryCloseReturns() throws Exception {
        EmbeddedServer server = server();
        for (int round = 0; round < 5; round++) {
            NativeAerospikeClient client = Reliability.client(Reliability.fastTend(), server);
            Key key = new Key("test", "close-race", round);
            AtomicInteger callsDone = new AtomicInteger();
            List<Future<?>> busy = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                busy.add(pool.submit(() -> {
                    try {
                        while (true) {
                            client.put(null, key, new Bin("a", 1));
                            client.get(null, key);
                            callsDone.incrementAndGet();
                        }
                    } catch (AerospikeException e) {
                        if (!client.isClosed()) {
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            while (callsDone.get() < 20) {
                Thread.sleep(1);
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> closers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                closers.add(pool.submit(() -> {
                    go.await();
                    client.close();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : closers) {
                f.get(HANG.toSeconds(), TimeUnit.SECONDS);
            }
            for (Future<?> f : busy) {
                f.get(HANG.toSeconds(), TimeUnit.SECONDS); // rethrows an error seen while open
            }
            assertTrue(client.isClosed());
        }
    }

    /** Every public method, after close: an {@link AerospikeException} (CLIENT_ERROR), never a native call. */
    @Test
    void everyMethodThrowsAfterCloseAndASecondCloseDoesNothing() throws Exception {
        EmbeddedServer server = server();
        NativeAerospikeClient client = Reliability.client(Reliability.fastTend(), server);
        Key key = new Key("test", "closed", 1);
        client.put(null, key, new Bin("a", 1));
        client.close();
        client.close();
        assertTrue(client.isClosed());

        Key[] keys = {key};
        List<BatchRecord> records = List.of(new BatchRead(key, true), new BatchDelete(key));
        Map<String, Executable> calls = new LinkedHashMap<>();
        calls.put("put", () -> client.put(null, key, new Bin("a", 2)));
        calls.put("get", () -> client.get(null, key));
        calls.put("get bins", () -> client.get(null, key, "a"));
        calls.put("getHeader", () -> client.getHeader(null, key));
        calls.put("exists", () -> client.exists(null, key));
        calls.put("delete", () -> client.delete(null, key));
        calls.put("touch", () -> client.touch(null, key));
        calls.put("operate", () -> client.operate(null, key, Operation.get()));
        calls.put("batch get", () -> client.get(null, keys));
        calls.put("batch get bins", () -> client.get(null, keys, "a"));
        calls.put("batch getHeader", () -> client.getHeader(null, keys));
        calls.put("batch exists", () -> client.exists(null, keys));
        calls.put("batch reads", () -> client.get(null, List.of(new BatchRead(key, true))));
        calls.put("batch operate", () -> client.operate(null, records));
        for (Map.Entry<String, Executable> call : calls.entrySet()) {
            AerospikeException e = assertThrows(AerospikeException.class, call.getValue(), call.getKey());
            assertEquals(ResultCode.CLIENT_ERROR, e.getResultCode(), call.getKey());
        }
        client.close();
        assertTrue(client.isClosed());
    }

    /** The async form: futures in flight against a stalled server when close() is called all complete. */
    @Test
    void closeWithAsyncCommandsStuckInAStalledServer() throws Exception {
        Assumptions.assumeFalse(Reliability.backend().equals("jni"),
                "async commands exist on the FFM backend only; this run uses JNI");
        EmbeddedServer server = server();
        NativeAerospikeClient client = new NativeAerospikeClient(Reliability.fastTend(),
                AsyncConfig.defaults().withCompletionExecutor(pool), new Host(server.host(), server.port()));
        Key key = new Key("test", "close-async", 1);
        client.putAsync(null, key, new Bin("a", 1)).get(HANG.toSeconds(), TimeUnit.SECONDS);

        server.node(0).faults().stopAnswering();
        List<CompletableFuture<?>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Key k = new Key("test", "close-async", i);
            futures.add(i % 2 == 0
                    ? client.getAsync(read(1000, 1000, 0), k)
                    : client.putAsync(write(1000, 1000, 0), k, new Bin("a", i)));
        }
        Object closed = outcome(pool, () -> {
            client.close();
            return "closed";
        });
        assertEquals("closed", closed);
        assertEquals(0, client.asyncCommandsInFlight(), "close waited for every command");
        for (CompletableFuture<?> f : futures) {
            assertTrue(f.isDone(), "completed by the time close returned");
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(0, TimeUnit.SECONDS));
            AerospikeException cause = assertInstanceOf(AerospikeException.class, e.getCause());
            assertEquals(ResultCode.TIMEOUT, cause.getResultCode(), String.valueOf(cause));
        }
        assertThrows(AerospikeException.class, () -> client.getAsync(null, key));

        server.node(0).faults().clear();
        try (NativeAerospikeClient fresh = new NativeAerospikeClient(Reliability.fastTend(),
                AsyncConfig.defaults().withCompletionExecutor(pool), new Host(server.host(), server.port()))) {
            Record r = fresh.getAsync(null, key).get(HANG.toSeconds(), TimeUnit.SECONDS);
            assertEquals(1L, r.getLong("a"), "the shared event loops serve a new client");
        }
    }
}
