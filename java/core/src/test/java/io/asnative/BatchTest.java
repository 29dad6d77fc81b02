package io.asnative;

import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.BatchWritePolicy;
import com.aerospike.client.policy.RecordExistsAction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchTest extends NativeClientTestBase {

    private Key[] writeKeys(int n, int missingEvery) {
        Key[] keys = new Key[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(i);
            if (missingEvery == 0 || i % missingEvery != 0) {
                client.put(null, keys[i], new Bin("i", i), new Bin("s", "v" + i));
            }
        }
        return keys;
    }

    @Test
    void batchGetAllBinsWithMissingKeys() {
        Key[] keys = writeKeys(50, 7);
        Record[] records = client.get(null, keys);
        assertEquals(keys.length, records.length);
        for (int i = 0; i < keys.length; i++) {
            if (i % 7 == 0) {
                assertNull(records[i], "missing key " + i);
            } else {
                assertEquals((long) i, records[i].getValue("i"));
                assertEquals("v" + i, records[i].getValue("s"));
            }
        }
    }

    @Test
    void batchAddressesByTheKeysDigestLikeTheJavaClient() {
        Key[] originals = writeKeys(10, 0);
        Key[] byDigest = new Key[originals.length];
        for (int i = 0; i < originals.length; i++) {
            // Same digest, a different user key: the Java client reads the original record.
            byDigest[i] = new Key(ns, originals[i].digest, set, com.aerospike.client.Value.get("other" + i));
        }
        Record[] records = client.get(null, byDigest);
        for (int i = 0; i < originals.length; i++) {
            assertNotNull(records[i], "key " + i);
            assertEquals((long) i, records[i].getValue("i"));
        }
        assertArrayEquals(new boolean[originals.length], client.exists(null, otherKeys(originals.length)),
                "nothing exists under the user keys' own digests");
    }

    private Key[] otherKeys(int n) {
        Key[] keys = new Key[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key("other" + i);
        }
        return keys;
    }

    @Test
    void batchGetNamedBinsAndHeaders() {
        Key[] keys = writeKeys(20, 0);
        Record[] named = client.get(null, keys, "s");
        Record[] headers = client.getHeader(null, keys);
        for (int i = 0; i < keys.length; i++) {
            assertEquals(1, named[i].bins.size());
            assertEquals("v" + i, named[i].getValue("s"));
            assertNull(headers[i].bins);
            assertEquals(1, headers[i].generation);
        }
    }

    @Test
    void batchExists() {
        Key[] keys = writeKeys(30, 3);
        boolean[] exists = client.exists(null, keys);
        boolean[] javaExists = javaClient.exists(null, keys);
        assertArrayEquals(javaExists, exists);
        for (int i = 0; i < keys.length; i++) {
            assertEquals(i % 3 != 0, exists[i]);
        }
    }

    @Test
    void batchGetMatchesJavaClient() {
        Key[] keys = writeKeys(100, 10);
        Record[] nativeRecords = client.get(new BatchPolicy(), keys);
        Record[] javaRecords = javaClient.get(new BatchPolicy(), keys);
        for (int i = 0; i < keys.length; i++) {
            if (javaRecords[i] == null) {
                assertNull(nativeRecords[i]);
            } else {
                assertEquals(javaRecords[i].bins, nativeRecords[i].bins);
                assertEquals(javaRecords[i].generation, nativeRecords[i].generation);
            }
        }
    }

    @Test
    void largeBatchOf5000Keys() {
        Key[] keys = writeKeys(5000, 0);
        Record[] records = client.get(null, keys);
        for (int i = 0; i < keys.length; i++) {
            assertEquals((long) i, records[i].getValue("i"));
        }
    }

    @Test
    void emptyBatchReturnsEmpty() {
        assertEquals(0, client.get(null, new Key[0]).length);
        assertEquals(0, client.exists(null, new Key[0]).length);
        assertTrue(client.operate(null, new ArrayList<>()));
    }

    @Test
    void operateMixesReadsWritesAndDeletesWithPerRecordResults() {
        Key existing = key("existing");
        Key toDelete = key("toDelete");
        Key fresh = key("fresh");
        Key absent = key("absent");
        client.put(null, existing, new Bin("a", 1), new Bin("b", "x"));
        client.put(null, toDelete, new Bin("a", 1));

        List<BatchRecord> batch = new ArrayList<>();
        batch.add(new BatchRead(existing, new String[] {"b"}));
        batch.add(new BatchWrite(fresh, new Operation[] {Operation.put(new Bin("n", 5)), Operation.get("n")}));
        batch.add(new BatchDelete(toDelete));
        batch.add(new BatchRead(absent, true));
        batch.add(new BatchWrite(existing, new Operation[] {Operation.add(new Bin("a", 10))}));

        boolean allOk = client.operate(null, batch);
        assertFalse(allOk, "the absent read fails");
        assertEquals(ResultCode.OK, batch.get(0).resultCode);
        assertEquals("x", batch.get(0).record.getValue("b"));
        assertEquals(ResultCode.OK, batch.get(1).resultCode);
        // A batch write answers every operation (the put's slot is null), as the Java client shows.
        assertEquals(List.of(5L), javaStyleReads(batch.get(1).record.getValue("n")));
        assertEquals(ResultCode.OK, batch.get(2).resultCode);
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, batch.get(3).resultCode);
        assertNull(batch.get(3).record);
        assertEquals(ResultCode.OK, batch.get(4).resultCode);

        assertFalse(client.exists(null, toDelete));
        assertEquals(5L, javaClient.get(null, fresh).getValue("n"));
        assertEquals(11L, javaClient.get(null, existing).getValue("a"));
    }

    private static List<Object> javaStyleReads(Object value) {
        List<Object> reads = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(java.util.Objects::nonNull).forEach(reads::add);
        } else if (value != null) {
            reads.add(value);
        }
        return reads;
    }

    @Test
    void batchWriteResultsMatchJavaClient() {
        List<BatchRecord> nativeBatch = List.of(
                new BatchWrite(key("w1"), new Operation[] {Operation.put(new Bin("n", 5)), Operation.get("n")}),
                new BatchWrite(key("w2"), new Operation[] {Operation.add(new Bin("c", 2)), Operation.get("c")}));
        List<BatchRecord> javaBatch = List.of(
                new BatchWrite(key("j1"), new Operation[] {Operation.put(new Bin("n", 5)), Operation.get("n")}),
                new BatchWrite(key("j2"), new Operation[] {Operation.add(new Bin("c", 2)), Operation.get("c")}));
        assertEquals(javaClient.operate(null, javaBatch), client.operate(null, nativeBatch));
        for (int i = 0; i < 2; i++) {
            assertEquals(javaBatch.get(i).resultCode, nativeBatch.get(i).resultCode);
            assertEquals(javaBatch.get(i).record.bins, nativeBatch.get(i).record.bins);
        }
    }

    @Test
    void batchWritePolicyCreateOnlyFailsPerRecord() {
        Key a = key("a");
        Key b = key("b");
        client.put(null, a, new Bin("v", 1));
        BatchWritePolicy createOnly = new BatchWritePolicy();
        createOnly.recordExistsAction = RecordExistsAction.CREATE_ONLY;
        List<BatchRecord> batch = List.of(
                new BatchWrite(createOnly, a, new Operation[] {Operation.put(new Bin("v", 2))}),
                new BatchWrite(createOnly, b, new Operation[] {Operation.put(new Bin("v", 3))}));
        assertFalse(client.operate(null, batch));
        assertEquals(ResultCode.KEY_EXISTS_ERROR, batch.get(0).resultCode);
        assertEquals(ResultCode.OK, batch.get(1).resultCode);
        assertEquals(1L, client.get(null, a).getValue("v"));
        assertEquals(3L, client.get(null, b).getValue("v"));
    }

    @Test
    void batchReadListMatchesJavaClient() {
        writeKeys(10, 4);
        List<BatchRead> nativeReads = new ArrayList<>();
        List<BatchRead> javaReads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            nativeReads.add(new BatchRead(key(i), i % 2 == 0));
            javaReads.add(new BatchRead(key(i), i % 2 == 0));
        }
        boolean nativeOk = client.get(null, nativeReads);
        boolean javaOk = javaClient.get(null, javaReads);
        assertEquals(javaOk, nativeOk);
        for (int i = 0; i < 10; i++) {
            assertEquals(javaReads.get(i).resultCode, nativeReads.get(i).resultCode, "record " + i);
            Record j = javaReads.get(i).record;
            Record n = nativeReads.get(i).record;
            if (j == null) {
                assertNull(n);
            } else {
                assertNotNull(n);
                assertEquals(j.bins, n.bins);
            }
        }
    }
}
