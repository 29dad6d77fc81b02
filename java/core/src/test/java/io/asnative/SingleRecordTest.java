package io.asnative;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** put / get / getHeader / exists / delete / touch / operate through the native client. */
class SingleRecordTest extends NativeClientTestBase {

    @Test
    void putThenGetAllBins() {
        Key key = key(1);
        client.put(null, key, new Bin("i", 42), new Bin("s", "text"), new Bin("d", 1.5));
        Record record = client.get(null, key);
        assertNotNull(record);
        assertEquals(42L, record.getValue("i"));
        assertEquals("text", record.getValue("s"));
        assertEquals(1.5, record.getValue("d"));
        assertEquals(3, record.bins.size());
        assertEquals(1, record.generation);
    }

    @Test
    void getNamedBinsReturnsOnlyThose() {
        Key key = key("named");
        client.put(null, key, new Bin("a", 1), new Bin("b", 2), new Bin("c", 3));
        Record record = client.get(null, key, "a", "c");
        assertEquals(2, record.bins.size());
        assertEquals(1L, record.getValue("a"));
        assertEquals(3L, record.getValue("c"));
        assertNull(record.getValue("b"));
    }

    @Test
    void keyWithExplicitDigestAddressesByDigestLikeTheJavaClient() {
        // The Java client routes and addresses by key.digest; the user key is only data (sent with
        // sendKey). A Key built from another key's digest must reach that other key's record.
        Key original = key(11);
        Key sameDigestOtherUserKey = new Key(ns, original.digest, set, com.aerospike.client.Value.get(12));
        client.put(null, sameDigestOtherUserKey, new Bin("via", "digest"));
        Record viaJava = javaClient.get(null, original);
        assertNotNull(viaJava, "the record was written under the digest of the Key, not of its user key");
        assertEquals("digest", viaJava.getValue("via"));
        assertEquals("digest", client.get(null, sameDigestOtherUserKey).getValue("via"));
        assertNull(javaClient.get(null, key(12)), "nothing was written under the user key's own digest");
    }

    @Test
    void getMissingReturnsNull() {
        assertNull(client.get(null, key("missing")));
        assertNull(client.get(null, key("missing"), "a"));
        assertNull(client.getHeader(null, key("missing")));
    }

    @Test
    void getHeaderHasGenerationAndNoBins() {
        Key key = key(7);
        client.put(null, key, new Bin("a", 1));
        client.put(null, key, new Bin("a", 2));
        Record header = client.getHeader(null, key);
        assertNotNull(header);
        assertNull(header.bins);
        assertEquals(2, header.generation);
    }

    @Test
    void existsAndDelete() {
        Key key = key(9L);
        assertFalse(client.exists(null, key));
        client.put(null, key, new Bin("a", 1));
        assertTrue(client.exists(null, key));
        assertTrue(client.delete(null, key));
        assertFalse(client.exists(null, key));
        assertFalse(client.delete(null, key), "deleting an absent record returns false, like the Java client");
    }

    @Test
    void generationIncrementsOnEveryWrite() {
        Key key = key("gen");
        for (int i = 1; i <= 5; i++) {
            client.put(null, key, new Bin("n", i));
            assertEquals(i, client.getHeader(null, key).generation);
        }
    }

    @Test
    void touchBumpsGenerationAndFailsWhenMissing() {
        Key key = key("touch");
        client.put(null, key, new Bin("a", 1));
        client.touch(null, key);
        assertEquals(2, client.getHeader(null, key).generation);
        AerospikeException e = assertThrows(AerospikeException.class, () -> client.touch(null, key("nope")));
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, e.getResultCode());
    }

    @Test
    void nullBinDeletesThatBinAndLastBinDeletesRecord() {
        Key key = key("nullbin");
        client.put(null, key, new Bin("a", 1), new Bin("b", 2));
        client.put(null, key, Bin.asNull("a"));
        Record record = client.get(null, key);
        assertEquals(1, record.bins.size());
        assertEquals(2L, record.getValue("b"));
        client.put(null, key, Bin.asNull("b"));
        assertFalse(client.exists(null, key));
    }

    @Test
    void stringAndBlobAndIntegerKeysAddressDistinctRecords() {
        client.put(null, key(5), new Bin("k", "int"));
        client.put(null, key("5"), new Bin("k", "string"));
        client.put(null, key(new byte[] {5}), new Bin("k", "blob"));
        assertEquals("int", client.get(null, key(5)).getString("k"));
        assertEquals("string", client.get(null, key("5")).getString("k"));
        assertEquals("blob", client.get(null, key(new byte[] {5})).getString("k"));
    }

    @Test
    void keysSwitchingNamespaceOrSetEachReachTheirOwn() {
        // The FFM backend keeps the last key's C namespace and set, found again by reference, and
        // validation the last good pair: a key that shares one name object with the previous key
        // but not the other must reach its own namespace and set. The order below switches only
        // the namespace (test/a -> bar/a), then both, then only the set (test/b -> test/a).
        String setA = set + "_a";
        String setB = set + "_b";
        String other = server.otherNamespace();
        int n = 3;
        for (int i = 0; i < n; i++) {
            client.put(null, new Key(ns, setA, i), new Bin("v", "test/a"));
            client.put(null, new Key(other, setA, i), new Bin("v", "bar/a"));
            client.put(null, new Key(ns, setB, i), new Bin("v", "test/b"));
        }
        Key[] mixed = new Key[3 * n];
        for (int i = 0; i < n; i++) {
            mixed[3 * i] = new Key(ns, setA, i);
            mixed[3 * i + 1] = new Key(other, setA, i);
            mixed[3 * i + 2] = new Key(ns, setB, i);
        }
        Record[] batch = client.get(null, mixed);
        for (int i = 0; i < mixed.length; i++) {
            String expected = (mixed[i].namespace.equals(ns) ? "test/" : "bar/") + (mixed[i].setName.equals(setA) ? "a" : "b");
            assertEquals(expected, javaClient.get(null, mixed[i]).getString("v"), "Java client, key " + i);
            assertEquals(expected, batch[i].getString("v"), "native batch get, key " + i);
        }
        // The set a record was stored with decides what truncating that set removes.
        javaClient.truncate(null, ns, setA, null);
        for (int i = 0; i < n; i++) {
            assertNull(javaClient.get(null, new Key(ns, setA, i)), "truncated test/a " + i);
            assertNotNull(javaClient.get(null, new Key(ns, setB, i)), "test/b " + i);
            assertNotNull(javaClient.get(null, new Key(other, setA, i)), "bar/a " + i);
        }
    }

    @Test
    void digestOnlyKeyFindsTheRecord() {
        Key key = key("by-digest");
        client.put(null, key, new Bin("a", 11));
        Key digestOnly = new Key(ns, key.digest, set, null);
        assertEquals(11L, client.get(null, digestOnly).getValue("a"));
    }

    @Test
    void operateWritesAndReadsInOneCall() {
        Key key = key("op");
        client.put(null, key, new Bin("count", 10), new Bin("name", "b"));
        Record record = client.operate(null, key,
                Operation.add(new Bin("count", 5)),
                Operation.append(new Bin("name", "c")),
                Operation.prepend(new Bin("name", "a")),
                Operation.put(new Bin("flag", true)),
                Operation.get("count"),
                Operation.get("name"));
        assertEquals(15L, record.getValue("count"));
        assertEquals("abc", record.getValue("name"));
        assertEquals(2, record.generation);
        Record stored = client.get(null, key);
        assertEquals(true, stored.getValue("flag"));
    }

    @Test
    void operateAddDoubleAndReadAll() {
        Key key = key("opd");
        client.put(null, key, new Bin("x", 1.25));
        Record record = client.operate(null, key, Operation.add(new Bin("x", 0.5)), Operation.get());
        assertEquals(1.75, record.getValue("x"));
    }

    @Test
    void operateRepeatedBinReturnsAllValuesLikeJavaClient() {
        Key key = key("oprep");
        client.put(null, key, new Bin("n", 1));
        Record nativeResult = client.operate(null, key, Operation.add(new Bin("n", 1)), Operation.get("n"),
                Operation.add(new Bin("n", 1)), Operation.get("n"));
        client.put(null, key, new Bin("n", 1));
        Record javaResult = javaClient.operate(null, key, Operation.add(new Bin("n", 1)), Operation.get("n"),
                Operation.add(new Bin("n", 1)), Operation.get("n"));
        assertEquals(javaResult.bins, nativeResult.bins);
        assertEquals(List.of(2L, 3L), nativeResult.getList("n"));
    }

    @Test
    void operateTouchAndDelete() {
        Key key = key("optd");
        client.put(null, key, new Bin("a", 1));
        client.operate(null, key, Operation.touch());
        assertEquals(2, client.getHeader(null, key).generation);
        client.operate(null, key, Operation.delete());
        assertFalse(client.exists(null, key));
    }

    @Test
    void operateOnMissingRecordIsNullForReadsAndNotFoundForWrites() {
        assertNull(client.operate(null, key("absent"), Operation.get("a")));
        assertNull(javaClient.operate(null, key("absent"), Operation.get("a")), "the Java client agrees");
        AerospikeException e = assertThrows(AerospikeException.class,
                () -> client.operate(null, key("absent"), Operation.touch()));
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, e.getResultCode());
    }

    @Test
    void addToStringBinIsABinTypeError() {
        Key key = key("typeerr");
        client.put(null, key, new Bin("s", "text"));
        AerospikeException e = assertThrows(AerospikeException.class,
                () -> client.operate(null, key, Operation.add(new Bin("s", 1))));
        assertEquals(ResultCode.BIN_TYPE_ERROR, e.getResultCode());
    }
}
