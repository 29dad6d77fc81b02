package io.asnative;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.listener.BatchOperateListListener;
import com.aerospike.client.listener.BatchRecordArrayListener;
import com.aerospike.client.listener.BatchRecordSequenceListener;
import com.aerospike.client.listener.DeleteListener;
import com.aerospike.client.listener.ExistsArrayListener;
import com.aerospike.client.listener.ExistsListener;
import com.aerospike.client.listener.RecordArrayListener;
import com.aerospike.client.listener.RecordListener;
import com.aerospike.client.listener.RecordSequenceListener;
import com.aerospike.client.listener.WriteListener;
import com.aerospike.client.policy.BatchWritePolicy;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.RecordExistsAction;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.server.EmbeddedServer;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The C client's async API through FFM upcalls into CompletableFutures. On the JNI backend (which is
 * sync only) the only test that applies checks that asking for async is refused clearly.
 */
@ExtendWith(AerospikeServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncTest {

    private final ExecutorService completions = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "test-completion");
        t.setDaemon(true);
        return t;
    });
    private TestServer server;
    private NativeAerospikeClient client;
    private String ns;

    private boolean ffm() {
        return !"jni".equals(System.getProperty("asnative.backend"));
    }

    /** On the JNI run these are reported as skipped, with the reason, not as passed. */
    private void assumeFfm() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ffm(),
                "async is FFM only; on JNI, jniRefusesAsyncClearly checks that async is refused");
    }

    @BeforeAll
    void connect(TestServer server) {
        this.server = server;
        this.ns = server.namespace();
        if (ffm()) {
            client = new NativeAerospikeClient(NativeClientTestBase.patientPolicy(), AsyncConfig.defaults().withCompletionExecutor(completions),
                    new Host(server.host(), server.port()));
        }
    }

    @AfterAll
    void close() {
        if (client != null) {
            client.close();
        }
        completions.shutdownNow();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static int resultCode(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(AerospikeException.class, e.getCause()).getResultCode();
    }

    @Test
    void listenerApiRunsOnTheAsyncCalls() throws Exception {
        assumeFfm();
        IAerospikeClient c = client;
        Key key = new Key(ns, "listeners", 1);
        Key missing = new Key(ns, "listeners", "missing");
        CompletableFuture<Key> put = new CompletableFuture<>();
        c.put(null, writes(put), null, key, new Bin("s", "b"), new Bin("n", 1));
        assertEquals(key, await(put));
        CompletableFuture<Key> appended = new CompletableFuture<>();
        c.append(null, writes(appended), null, key, new Bin("s", "c"));
        await(appended);
        CompletableFuture<Key> prepended = new CompletableFuture<>();
        c.prepend(null, writes(prepended), null, key, new Bin("s", "a"));
        await(prepended);
        CompletableFuture<Key> added = new CompletableFuture<>();
        c.add(null, writes(added), null, key, new Bin("n", 2));
        await(added);
        CompletableFuture<Record> got = new CompletableFuture<>();
        c.get(null, records(got), null, key);
        assertEquals("abc", await(got).getString("s"));
        CompletableFuture<Record> named = new CompletableFuture<>();
        c.get(null, records(named), null, key, "n");
        assertEquals(Map.of("n", 3L), await(named).bins);
        CompletableFuture<Record> header = new CompletableFuture<>();
        c.getHeader(null, records(header), null, key);
        assertEquals(4, await(header).generation);
        CompletableFuture<Record> operated = new CompletableFuture<>();
        c.operate(null, records(operated), null, key, Operation.add(new Bin("n", 1)), Operation.get("n"));
        assertEquals(4L, await(operated).getLong("n"));

        CompletableFuture<Boolean> exists = new CompletableFuture<>();
        c.exists(null, exists(exists), null, missing);
        assertFalse(await(exists));
        CompletableFuture<Boolean> touched = new CompletableFuture<>();
        c.touched(null, exists(touched), null, missing);
        assertFalse(await(touched), "a missing record is not touched, and that is no failure");
        CompletableFuture<Key> touch = new CompletableFuture<>();
        c.touch(null, writes(touch), null, missing);
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, resultCode(touch));

        CompletableFuture<Record[]> batch = new CompletableFuture<>();
        c.get(null, new RecordArrayListener() {
            @Override
            public void onSuccess(Key[] keys, Record[] records) {
                batch.complete(records);
            }

            @Override
            public void onFailure(AerospikeException e) {
                batch.completeExceptionally(e);
            }
        }, null, new Key[] {key, missing});
        Record[] both = await(batch);
        assertEquals(4L, both[0].getLong("n"));
        assertNull(both[1]);
        List<BatchRecord> list = List.of(new BatchRead(key, true), new BatchDelete(missing));
        CompletableFuture<Boolean> batchOperated = new CompletableFuture<>();
        c.operate(null, new BatchOperateListListener() {
            @Override
            public void onSuccess(List<BatchRecord> records, boolean status) {
                batchOperated.complete(status);
            }

            @Override
            public void onFailure(AerospikeException e) {
                batchOperated.completeExceptionally(e);
            }
        }, null, list);
        assertFalse(await(batchOperated), "the delete of a missing record fails");
        assertEquals(4L, list.get(0).record.getLong("n"));

        CompletableFuture<Boolean> deleted = new CompletableFuture<>();
        c.delete(null, new DeleteListener() {
            @Override
            public void onSuccess(Key k, boolean existed) {
                deleted.complete(existed);
            }

            @Override
            public void onFailure(AerospikeException e) {
                deleted.completeExceptionally(e);
            }
        }, null, key);
        assertTrue(await(deleted));
    }

    @Test
    void batchListenerFormsRunOnTheAsyncBatchOperate() throws Exception {
        assumeFfm();
        IAerospikeClient c = client;
        Key a = new Key(ns, "batch-listeners", "a");
        Key b = new Key(ns, "batch-listeners", "b");
        Key missing = new Key(ns, "batch-listeners", "missing");
        await(client.putAsync(null, a, new Bin("n", 1), new Bin("s", "x")));
        await(client.putAsync(null, b, new Bin("n", 2), new Bin("s", "y")));
        Key[] keys = {a, missing, b};

        CompletableFuture<Record[]> named = new CompletableFuture<>();
        c.get(null, recordArray(named), null, keys, "n");
        Record[] n = await(named);
        assertEquals(Map.of("n", 1L), n[0].bins);
        assertNull(n[1]);
        assertEquals(Map.of("n", 2L), n[2].bins);

        CompletableFuture<Record[]> headers = new CompletableFuture<>();
        c.getHeader(null, recordArray(headers), null, keys);
        Record[] h = await(headers);
        assertNull(h[0].bins, "a header has no bins");
        assertEquals(1, h[0].generation);
        assertNull(h[1]);

        CompletableFuture<List<String>> sequence = new CompletableFuture<>();
        c.get(null, recordSequence(sequence), null, keys, Operation.get("s"));
        assertEquals(List.of("a=x", "missing=null", "b=y"), await(sequence));
        CompletableFuture<List<String>> allBins = new CompletableFuture<>();
        c.get(null, recordSequence(allBins), null, keys);
        assertEquals(List.of("a=x", "missing=null", "b=y"), await(allBins));

        CompletableFuture<boolean[]> exists = new CompletableFuture<>();
        c.exists(null, new ExistsArrayListener() {
            @Override
            public void onSuccess(Key[] k, boolean[] e) {
                exists.complete(e);
            }

            @Override
            public void onFailure(AerospikeException e) {
                exists.completeExceptionally(e);
            }
        }, null, keys);
        assertArrayEquals(new boolean[] {true, false, true}, await(exists));

        CompletableFuture<List<Integer>> codes = new CompletableFuture<>();
        c.operate(null, batchRecordSequence(codes), null, null, new Key[] {a, b}, Operation.add(new Bin("n", 10)));
        assertEquals(List.of(ResultCode.OK, ResultCode.OK), await(codes));
        assertEquals(11L, await(client.getAsync(null, a)).getLong("n"));

        CompletableFuture<BatchRecord[]> deleted = new CompletableFuture<>();
        c.delete(null, new BatchRecordArrayListener() {
            @Override
            public void onSuccess(BatchRecord[] records, boolean status) {
                deleted.complete(records);
            }

            @Override
            public void onFailure(BatchRecord[] records, AerospikeException e) {
                deleted.completeExceptionally(e);
            }
        }, null, null, keys);
        BatchRecord[] d = await(deleted);
        assertEquals(ResultCode.OK, d[0].resultCode);
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, d[1].resultCode);
        assertNull(await(client.getAsync(null, b)));
    }

    private static RecordArrayListener recordArray(CompletableFuture<Record[]> f) {
        return new RecordArrayListener() {
            @Override
            public void onSuccess(Key[] keys, Record[] records) {
                f.complete(records);
            }

            @Override
            public void onFailure(AerospikeException e) {
                f.completeExceptionally(e);
            }
        };
    }

    /** Collects "userKey=s" per onRecord, completing at onSuccess: the order and the end are checked. */
    private static RecordSequenceListener recordSequence(CompletableFuture<List<String>> f) {
        List<String> seen = new ArrayList<>();
        return new RecordSequenceListener() {
            @Override
            public void onRecord(Key key, Record record) {
                seen.add(key.userKey + "=" + (record == null ? null : record.getString("s")));
            }

            @Override
            public void onSuccess() {
                f.complete(seen);
            }

            @Override
            public void onFailure(AerospikeException e) {
                f.completeExceptionally(e);
            }
        };
    }

    private static BatchRecordSequenceListener batchRecordSequence(CompletableFuture<List<Integer>> f) {
        List<Integer> seen = new ArrayList<>();
        return new BatchRecordSequenceListener() {
            @Override
            public void onRecord(BatchRecord record, int index) {
                seen.add(index, record.resultCode);
            }

            @Override
            public void onSuccess() {
                f.complete(seen);
            }

            @Override
            public void onFailure(AerospikeException e) {
                f.completeExceptionally(e);
            }
        };
    }

    private static WriteListener writes(CompletableFuture<Key> f) {
        return new WriteListener() {
            @Override
            public void onSuccess(Key key) {
                f.complete(key);
            }

            @Override
            public void onFailure(AerospikeException e) {
                f.completeExceptionally(e);
            }
        };
    }

    private static RecordListener records(CompletableFuture<Record> f) {
        return new RecordListener() {
            @Override
            public void onSuccess(Key key, Record record) {
                f.complete(record);
            }

            @Override
            public void onFailure(AerospikeException e) {
                f.completeExceptionally(e);
            }
        };
    }

    private static ExistsListener exists(CompletableFuture<Boolean> f) {
        return new ExistsListener() {
            @Override
            public void onSuccess(Key key, boolean exists) {
                f.complete(exists);
            }

            @Override
            public void onFailure(AerospikeException e) {
                f.completeExceptionally(e);
            }
        };
    }

    @Test
    void jniRefusesAsyncClearly() {
        org.junit.jupiter.api.Assumptions.assumeFalse(ffm(), "checks the JNI backend's refusal; on FFM every other test here applies");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new NativeAerospikeClient(new ClientPolicy(), AsyncConfig.defaults(), new Host(server.host(), server.port())));
        assertTrue(e.getMessage().contains("FFM"), e.getMessage());
    }

    /** Async puts and batch writes with sendKey store string keys byte for byte (the digest hand-over's string length). */
    @Test
    void sendKeyStoresStringKeysExactlyAsync() throws Exception {
        assumeFfm();
        EmbeddedServer embedded = server.embedded(); // skips, saying why, on a real server
        WritePolicy p = new WritePolicy();
        p.sendKey = true;
        BatchWritePolicy bwp = new BatchWritePolicy();
        bwp.sendKey = true;
        for (String userKey : List.of("async-key", "日本語😀", "k".repeat(2000))) {
            Key single = new Key(ns, "asyncsend", userKey);
            await(client.putAsync(p, single, new Bin("a", 1)));
            Key batched = new Key(ns, "asyncsend", "batch-" + userKey);
            List<BatchRecord> writes = List.of(new BatchWrite(bwp, batched, new Operation[] {Operation.put(new Bin("a", 2))}));
            assertTrue(await(client.operateAsync(null, writes)));
            for (Key key : List.of(single, batched)) {
                byte[] utf8 = ((String) key.userKey.getObject()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] expected = new byte[utf8.length + 1];
                expected[0] = (byte) com.aerospike.client.command.ParticleType.STRING;
                System.arraycopy(utf8, 0, expected, 1, utf8.length);
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected,
                        embedded.record(ns, key.digest).orElseThrow().userKey(), key.toString());
            }
        }
    }

    @Test
    void everySingleRecordCommand() throws Exception {
        assumeFfm();
        Key key = new Key(ns, "async1", "k");
        await(client.putAsync(null, key, new Bin("a", 1), new Bin("s", "x")));
        Record all = await(client.getAsync(null, key));
        assertEquals(1L, all.getValue("a"));
        assertEquals("x", all.getValue("s"));
        Record named = await(client.getAsync(null, key, "s"));
        assertEquals(1, named.bins.size());
        assertEquals(1, await(client.getHeaderAsync(null, key)).generation);
        assertTrue(await(client.existsAsync(null, key)));
        await(client.touchAsync(null, key));
        assertEquals(2, await(client.getHeaderAsync(null, key)).generation);
        Record op = await(client.operateAsync(null, key, Operation.add(new Bin("a", 4)), Operation.get("a")));
        assertEquals(5L, op.getValue("a"));
        assertTrue(await(client.deleteAsync(null, key)));
        assertFalse(await(client.deleteAsync(null, key)));
        assertFalse(await(client.existsAsync(null, key)));
        assertNull(await(client.getAsync(null, key)));
        assertNull(await(client.getHeaderAsync(null, key)));
    }

    @Test
    void errorsArriveThroughTheFuture() throws Exception {
        assumeFfm();
        Key key = new Key(ns, "async2", 1);
        await(client.putAsync(null, key, new Bin("a", 1)));
        WritePolicy createOnly = new WritePolicy();
        createOnly.recordExistsAction = RecordExistsAction.CREATE_ONLY;
        assertEquals(ResultCode.KEY_EXISTS_ERROR, resultCode(client.putAsync(createOnly, key, new Bin("a", 2))));
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, resultCode(client.touchAsync(null, new Key(ns, "async2", "missing"))));
        assertEquals(ResultCode.INVALID_NAMESPACE, resultCode(client.getAsync(null, new Key("nosuchns", "s", 1))));
        // Bad input is still refused before any downcall, synchronously.
        assertThrows(AerospikeException.class, () -> client.putAsync(null, key, new Bin("x".repeat(16), 1)));
    }

    @Test
    void batchGetAndOperate() throws Exception {
        assumeFfm();
        Key[] keys = new Key[300];
        List<CompletableFuture<Void>> puts = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new Key(ns, "async3", i);
            if (i % 3 != 0) {
                puts.add(client.putAsync(null, keys[i], new Bin("i", i)));
            }
        }
        CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        Record[] records = await(client.getAsync(null, keys));
        for (int i = 0; i < keys.length; i++) {
            if (i % 3 == 0) {
                assertNull(records[i]);
            } else {
                assertEquals((long) i, records[i].getValue("i"));
            }
        }
        List<BatchRecord> batch = List.of(
                new BatchWrite(keys[0], new Operation[] {Operation.put(new Bin("i", 1000))}),
                new BatchRead(keys[1], true),
                new BatchRead(keys[3], true));
        assertFalse(await(client.operateAsync(null, batch)), "keys[3] does not exist");
        assertEquals(ResultCode.OK, batch.get(0).resultCode);
        assertEquals(1L, batch.get(1).record.getValue("i"));
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, batch.get(2).resultCode);
        assertEquals(1000L, client.get(null, keys[0]).getValue("i"));
    }

    @Test
    void tenThousandConcurrentFuturesAllComplete() throws Exception {
        assumeFfm();
        int n = 10_000;
        List<CompletableFuture<Void>> writes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            writes.add(client.putAsync(null, new Key(ns, "async4", i), new Bin("v", i)));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<CompletableFuture<Record>> reads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            reads.add(client.getAsync(null, new Key(ns, "async4", i)));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < n; i++) {
            assertEquals((long) i, reads.get(i).get().getValue("v"));
        }
        assertEquals(0, client.asyncCommandsInFlight());
    }

    @Test
    void continuationsRunOnTheExecutorAndABlockedOneStallsNothing() throws Exception {
        assumeFfm();
        Key key = new Key(ns, "async5", 1);
        await(client.putAsync(null, key, new Bin("a", 1)));
        // Responses are delayed so that continuations are attached before their future completes:
        // they then run on the thread that completes it, which must be the completion executor.
        server.embedded().node(0).faults().delayResponses(java.time.Duration.ofMillis(200));
        try {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> blocked = client.getAsync(null, key).thenAccept(r -> {
                threads.add(Thread.currentThread().getName());
                try {
                    release.await(); // a user continuation that blocks
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicInteger thrown = new AtomicInteger();
            CompletableFuture<Void> throwing = client.getAsync(null, key).thenAccept(r -> {
                thrown.incrementAndGet();
                throw new IllegalStateException("user code fails");
            });
            List<CompletableFuture<Record>> more = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                more.add(client.getAsync(null, key).whenComplete((v, e) -> threads.add(Thread.currentThread().getName())));
            }
            for (CompletableFuture<Record> f : more) {
                assertEquals(1L, f.get(10, TimeUnit.SECONDS).getValue("a"), "the loop kept serving while a continuation blocks");
            }
            assertFalse(blocked.isDone());
            release.countDown();
            blocked.get(10, TimeUnit.SECONDS);
            assertThrows(ExecutionException.class, () -> throwing.get(10, TimeUnit.SECONDS));
            assertEquals(1, thrown.get());
            assertEquals(Set.of("test-completion"), threads, "continuations ran only on the completion executor");
        } finally {
            server.embedded().node(0).faults().clear();
        }
    }

    @Test
    void closeWithCommandsInFlightCompletesEveryFuture() throws Exception {
        assumeFfm();
        NativeAerospikeClient second = new NativeAerospikeClient(new ClientPolicy(),
                AsyncConfig.defaults().withCompletionExecutor(completions), new Host(server.host(), server.port()));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            futures.add(second.putAsync(null, new Key(ns, "async6", i), new Bin("v", i)));
        }
        second.close();
        assertEquals(0, second.asyncCommandsInFlight(), "close waited for every command");
        for (CompletableFuture<Void> f : futures) {
            assertTrue(f.isDone() || waitDone(f), "every future completes");
        }
        assertThrows(AerospikeException.class, () -> second.putAsync(null, new Key(ns, "async6", 0), new Bin("v", 0)));
        // The shared loops keep serving the first client.
        await(client.putAsync(null, new Key(ns, "async6", "after"), new Bin("v", 1)));
    }

    private static boolean waitDone(CompletableFuture<?> f) {
        try {
            f.handle((v, e) -> null).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
