package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code operate} semantics, as the Java client sees them from a real server. */
@ExtendWith(AerospikeServerExtension.class)
class OperateTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static AerospikeClient client;
    private static String ns;

    @BeforeAll
    static void connect(TestServer server) {
        client = Clients.connect(server);
        ns = server.namespace();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static Key newKey() {
        return new Key(ns, "operate", "k" + NEXT.incrementAndGet() + "-" + System.nanoTime());
    }

    @Test
    void readAfterWriteSeesTheNewValue() {
        Key key = newKey();
        client.put(null, key, new Bin("n", 10), new Bin("s", "b"));
        Record r = client.operate(null, key,
                Operation.add(new Bin("n", 5)), Operation.get("n"),
                Operation.append(new Bin("s", "c")), Operation.prepend(new Bin("s", "a")), Operation.get("s"));
        assertEquals(15L, r.getLong("n"));
        assertEquals("abc", r.getString("s"));
        assertEquals(2, r.generation);
    }

    @Test
    void putAndGetAllBins() {
        Key key = newKey();
        client.put(null, key, new Bin("a", 1));
        Record r = client.operate(null, key, Operation.put(new Bin("b", 2)), Operation.get());
        assertEquals(Map.of("a", 1L, "b", 2L), r.bins);
    }

    @Test
    void repeatedReadsOfOneBinReturnEveryValue() {
        Key key = newKey();
        client.put(null, key, new Bin("n", 1));
        Record r = client.operate(null, key, Operation.get("n"), Operation.add(new Bin("n", 1)), Operation.get("n"));
        assertEquals(List.of(1L, 2L), r.getList("n"));
    }

    @Test
    void respondAllOpsAnswersWriteOpsWithNull() {
        Key key = newKey();
        WritePolicy p = new WritePolicy();
        p.respondAllOps = true;
        Record r = client.operate(p, key, Operation.put(new Bin("n", 1)), Operation.add(new Bin("n", 2)),
                Operation.get("n"), Operation.get("missing"));
        assertEquals(Arrays.asList(null, null, 3L), r.getList("n"));
        assertNull(r.getValue("missing"));
        assertEquals(true, r.bins.containsKey("missing"));
    }

    @Test
    void doubleAdd() {
        Key key = newKey();
        Record r = client.operate(null, key, Operation.add(new Bin("f", 0.5)), Operation.add(new Bin("f", 0.25)),
                Operation.get("f"));
        assertEquals(0.75, r.getDouble("f"));
    }

    @Test
    void touchOpBumpsGenerationAndHeaderReadReturnsNoBins() {
        Key key = newKey();
        client.put(null, key, new Bin("a", 1));
        Record r = client.operate(null, key, Operation.touch(), Operation.getHeader());
        assertEquals(2, r.generation);
        assertNull(r.bins);
    }

    @Test
    void deleteOpRemovesTheRecordAndLaterWritesRecreateIt() {
        Key key = newKey();
        client.put(null, key, new Bin("a", 1), new Bin("b", 2));
        client.operate(null, key, Operation.delete());
        assertFalse(client.exists(null, key));
        client.put(null, key, new Bin("a", 1));
        Record r = client.operate(null, key, Operation.delete(), Operation.put(new Bin("c", 3)), Operation.get());
        assertEquals(Map.of("c", 3L), r.bins);
    }

    @Test
    void readOnlyOperateOfMissingRecordIsNull() {
        assertNull(client.operate(null, newKey(), Operation.get("a")));
    }

    @Test
    void failedOperateChangesNothing() {
        Key key = newKey();
        client.put(null, key, new Bin("s", "x"), new Bin("n", 1));
        AerospikeException e = assertThrows(AerospikeException.class, () -> client.operate(null, key,
                Operation.add(new Bin("n", 1)), Operation.add(new Bin("s", 1))));
        assertEquals(ResultCode.BIN_TYPE_ERROR, e.getResultCode());
        Record r = client.get(null, key);
        assertEquals(1L, r.getLong("n"));
        assertEquals(1, r.generation);
    }
}
