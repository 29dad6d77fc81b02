package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchResults;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.BatchWritePolicy;
import com.aerospike.client.policy.RecordExistsAction;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Batch index commands through the Java client (batch-any format); runs against any server. */
@ExtendWith(AerospikeServerExtension.class)
class BatchTest {
    private static AerospikeClient client;
    private static String ns;
    private static String other;

    @BeforeAll
    static void connect(TestServer server) {
        client = Clients.connect(server);
        ns = server.namespace();
        other = server.otherNamespace();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static Key[] keys(String set, int n) {
        Key[] keys = new Key[n];
        for (int i = 0; i < n; i++) {
            keys[i] = new Key(ns, set, i);
        }
        return keys;
    }

    @Test
    void getAllNamedHeaderAndExists() {
        Key[] keys = keys("batch-read", 10);
        for (int i = 0; i < keys.length; i += 2) {
            client.put(null, keys[i], new Bin("a", i), new Bin("b", "v" + i));
        }
        Record[] all = client.get(null, keys);
        Record[] named = client.get(null, keys, "b");
        Record[] headers = client.getHeader(null, keys);
        boolean[] exists = client.exists(null, keys);
        for (int i = 0; i < keys.length; i++) {
            if (i % 2 == 0) {
                assertEquals(Map.of("a", (long) i, "b", "v" + i), all[i].bins);
                assertEquals(Map.of("b", "v" + i), named[i].bins);
                assertNull(headers[i].bins);
                assertEquals(1, headers[i].generation);
                assertTrue(exists[i]);
            } else {
                assertNull(all[i]);
                assertNull(named[i]);
                assertNull(headers[i]);
                assertFalse(exists[i]);
            }
        }
    }

    @Test
    void readOperationsPerKey() {
        Key[] keys = keys("batch-ops", 5);
        for (int i = 0; i < keys.length; i++) {
            client.put(null, keys[i], new Bin("n", i), new Bin("s", "x"));
        }
        Record[] rs = client.get(null, keys, Operation.get("n"));
        for (int i = 0; i < keys.length; i++) {
            assertEquals(Map.of("n", (long) i), rs[i].bins);
        }
    }

    @Test
    void mixedReadWriteDeleteWithPerRecordResults() {
        Key[] keys = keys("batch-mixed", 4);
        client.put(null, keys[0], new Bin("n", 1));
        client.put(null, keys[1], new Bin("n", 1));
        BatchWritePolicy createOnly = new BatchWritePolicy();
        createOnly.recordExistsAction = RecordExistsAction.CREATE_ONLY;
        List<BatchRecord> records = new ArrayList<>();
        records.add(new BatchWrite(keys[0], new Operation[] {Operation.add(new Bin("n", 10)), Operation.get("n")}));
        records.add(new BatchDelete(keys[1]));
        records.add(new BatchWrite(createOnly, keys[0], new Operation[] {Operation.put(new Bin("n", 0))}));
        records.add(new BatchRead(keys[2], true));
        records.add(new BatchDelete(keys[3]));
        records.add(new BatchWrite(keys[2], new Operation[] {Operation.put(new Bin("x", "new"))}));
        boolean allOk = client.operate(null, records);
        assertFalse(allOk);
        assertEquals(ResultCode.OK, records.get(0).resultCode);
        assertEquals(11L, ((List<?>) records.get(0).record.getValue("n")).get(1));
        assertEquals(ResultCode.OK, records.get(1).resultCode);
        assertEquals(ResultCode.KEY_EXISTS_ERROR, records.get(2).resultCode);
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, records.get(3).resultCode);
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, records.get(4).resultCode);
        assertEquals(ResultCode.OK, records.get(5).resultCode);
        assertEquals(11L, client.get(null, keys[0]).getLong("n"));
        assertFalse(client.exists(null, keys[1]));
        assertEquals("new", client.get(null, keys[2]).getString("x"));
    }

    @Test
    void batchOperateAndDeleteOverKeyArrays() {
        Key[] keys = keys("batch-array", 8);
        BatchResults written = client.operate(null, null, keys, Operation.put(new Bin("v", 7)), Operation.add(new Bin("c", 1)));
        assertTrue(written.status);
        BatchResults read = client.operate(null, null, keys, Operation.add(new Bin("c", 1)), Operation.get("c"));
        for (BatchRecord r : read.records) {
            assertEquals(ResultCode.OK, r.resultCode);
            assertEquals(2L, ((List<?>) r.record.getValue("c")).get(1));
        }
        BatchResults deleted = client.delete(null, null, keys);
        assertTrue(deleted.status);
        for (boolean e : client.exists(null, keys)) {
            assertFalse(e);
        }
    }

    @Test
    void twoNamespacesAndAnUnknownOne() {
        List<BatchRead> reads = new ArrayList<>();
        Key a = new Key(ns, "batch-ns", 1);
        Key b = new Key(other, "batch-ns", 1);
        client.put(null, a, new Bin("where", ns));
        client.put(null, b, new Bin("where", other));
        reads.add(new BatchRead(a, true));
        reads.add(new BatchRead(b, true));
        reads.add(new BatchRead(new Key("nosuchns", "batch-ns", 1), true));
        client.get(null, reads);
        assertEquals(ns, reads.get(0).record.getString("where"));
        assertEquals(other, reads.get(1).record.getString("where"));
        assertNull(reads.get(2).record);
        assertEquals(ResultCode.INVALID_NAMESPACE, reads.get(2).resultCode);
    }

    @Test
    void fiveThousandKeysStreamOverSeveralFrames() {
        Key[] keys = keys("batch-big", 5000);
        byte[] payload = new byte[100];
        for (int i = 0; i < keys.length; i++) {
            client.put(null, keys[i], new Bin("i", i), new Bin("p", payload));
        }
        Record[] rs = client.get(null, keys);
        for (int i = 0; i < keys.length; i++) {
            assertNotNull(rs[i], "key " + i);
            assertEquals(i, rs[i].getInt("i"));
        }
    }
}
