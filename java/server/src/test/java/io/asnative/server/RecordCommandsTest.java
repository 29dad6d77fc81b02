package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Single-record commands through the Java client; runs against any server (embedded or real). */
@ExtendWith(AerospikeServerExtension.class)
class RecordCommandsTest {
    private static final String SET = "records";
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
        return new Key(ns, SET, "k" + NEXT.incrementAndGet() + "-" + System.nanoTime());
    }

    private static int resultCode(Runnable r) {
        return assertThrows(AerospikeException.class, r::run).getResultCode();
    }

    @Test
    void putThenGetAllBinsOfEveryScalarType() {
        Key key = newKey();
        byte[] blob = {1, 2, 3, 0, -1};
        client.put(null, key, new Bin("i", 42), new Bin("d", 2.5), new Bin("s", "héllo"), new Bin("b", blob),
                new Bin("t", true), new Bin("neg", -7L));
        Record r = client.get(null, key);
        assertEquals(42L, r.getLong("i"));
        assertEquals(2.5, r.getDouble("d"));
        assertEquals("héllo", r.getString("s"));
        assertArrayEquals(blob, (byte[]) r.getValue("b"));
        assertTrue(r.getBoolean("t"));
        assertEquals(-7L, r.getLong("neg"));
        assertEquals(6, r.bins.size());
        assertEquals(1, r.generation);
    }

    @Test
    void listsAndMapsRoundTrip() {
        Key key = newKey();
        List<Object> list = List.of(1L, "two", 3.0, List.of(4L));
        Map<String, Object> map = new TreeMap<>(Map.of("a", 1L, "b", "x"));
        client.put(null, key, new Bin("l", list), new Bin("m", map), new Bin("g", Value.getAsGeoJSON(
                "{\"type\":\"Point\",\"coordinates\":[1.5,2.5]}")));
        Record r = client.get(null, key);
        assertEquals(list, r.getList("l"));
        assertEquals(map, new TreeMap<>(r.getMap("m")));
        assertEquals("{\"type\":\"Point\",\"coordinates\":[1.5,2.5]}", r.getGeoJSONString("g"));
    }

    @Test
    void namedBinsAndHeaderAndExists() {
        Key key = newKey();
        client.put(null, key, new Bin("a", 1), new Bin("b", 2), new Bin("c", 3));
        Record named = client.get(null, key, "a", "c", "missing");
        assertEquals(Map.of("a", 1L, "c", 3L), named.bins);
        Record header = client.getHeader(null, key);
        assertNull(header.bins);
        assertEquals(1, header.generation);
        assertTrue(client.exists(null, key));
        assertFalse(client.exists(null, newKey()));
        assertNull(client.get(null, newKey()));
    }

    @Test
    void generationIncrementsOnEveryWrite() {
        Key key = newKey();
        client.put(null, key, new Bin("a", 1));
        client.put(null, key, new Bin("a", 2));
        client.add(null, key, new Bin("a", 1));
        client.touch(null, key);
        Record r = client.get(null, key);
        assertEquals(4, r.generation);
        assertEquals(3L, r.getLong("a"));
    }

    @Test
    void writesMergeBinsAndNullDeletesABin() {
        Key key = newKey();
        client.put(null, key, new Bin("a", 1), new Bin("b", 2));
        client.put(null, key, new Bin("c", 3));
        client.put(null, key, Bin.asNull("a"));
        assertEquals(Map.of("b", 2L, "c", 3L), client.get(null, key).bins);
    }

    @Test
    void deletingTheLastBinDeletesTheRecord() {
        Key key = newKey();
        client.put(null, key, new Bin("a", 1));
        client.put(null, key, Bin.asNull("a"));
        assertFalse(client.exists(null, key));
    }

    @Test
    void deleteReportsWhetherTheRecordExisted() {
        Key key = newKey();
        client.put(null, key, new Bin("a", 1));
        assertTrue(client.delete(null, key));
        assertFalse(client.exists(null, key));
        assertFalse(client.delete(null, key));
    }

    @Test
    void touchOfMissingRecordIsKeyNotFound() {
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, resultCode(() -> client.touch(null, newKey())));
    }

    @Test
    void recordExistsActions() {
        Key key = newKey();
        WritePolicy create = new WritePolicy();
        create.recordExistsAction = com.aerospike.client.policy.RecordExistsAction.CREATE_ONLY;
        WritePolicy update = new WritePolicy();
        update.recordExistsAction = com.aerospike.client.policy.RecordExistsAction.UPDATE_ONLY;
        WritePolicy replace = new WritePolicy();
        replace.recordExistsAction = com.aerospike.client.policy.RecordExistsAction.REPLACE;
        WritePolicy replaceOnly = new WritePolicy();
        replaceOnly.recordExistsAction = com.aerospike.client.policy.RecordExistsAction.REPLACE_ONLY;

        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, resultCode(() -> client.put(update, key, new Bin("a", 1))));
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, resultCode(() -> client.put(replaceOnly, key, new Bin("a", 1))));
        client.put(create, key, new Bin("a", 1), new Bin("b", 1));
        assertEquals(ResultCode.KEY_EXISTS_ERROR, resultCode(() -> client.put(create, key, new Bin("a", 2))));
        client.put(update, key, new Bin("a", 2));
        assertEquals(Map.of("a", 2L, "b", 1L), client.get(null, key).bins);
        client.put(replace, key, new Bin("c", 3));
        assertEquals(Map.of("c", 3L), client.get(null, key).bins);
        client.put(replaceOnly, key, new Bin("d", 4));
        assertEquals(Map.of("d", 4L), client.get(null, key).bins);
        Key fresh = newKey();
        client.put(replace, fresh, new Bin("e", 5));
        assertEquals(Map.of("e", 5L), client.get(null, fresh).bins);
    }

    @Test
    void generationPolicies() {
        Key key = newKey();
        client.put(null, key, new Bin("a", 1));
        client.put(null, key, new Bin("a", 2)); // generation 2
        WritePolicy eq = new WritePolicy();
        eq.generationPolicy = com.aerospike.client.policy.GenerationPolicy.EXPECT_GEN_EQUAL;
        eq.generation = 1;
        assertEquals(ResultCode.GENERATION_ERROR, resultCode(() -> client.put(eq, key, new Bin("a", 3))));
        eq.generation = 2;
        client.put(eq, key, new Bin("a", 3));
        WritePolicy gt = new WritePolicy();
        gt.generationPolicy = com.aerospike.client.policy.GenerationPolicy.EXPECT_GEN_GT;
        gt.generation = 3;
        assertEquals(ResultCode.GENERATION_ERROR, resultCode(() -> client.put(gt, key, new Bin("a", 4))));
        gt.generation = 4;
        client.put(gt, key, new Bin("a", 4));
        Record r = client.get(null, key);
        assertEquals(4L, r.getLong("a"));
        assertEquals(4, r.generation);
        eq.generation = 1;
        assertEquals(ResultCode.GENERATION_ERROR, resultCode(() -> client.delete(eq, key)));
    }

    @Test
    void errorsOfTheRealServer() {
        Key key = newKey();
        assertEquals(ResultCode.INVALID_NAMESPACE,
                resultCode(() -> client.put(null, new Key("nosuchns", SET, 1), new Bin("a", 1))));
        assertEquals(ResultCode.BIN_NAME_TOO_LONG,
                resultCode(() -> client.put(null, key, new Bin("sixteen-chars-xx", 1))));
        assertEquals(ResultCode.RECORD_TOO_BIG,
                resultCode(() -> client.put(null, key, new Bin("big", new byte[2 * 1024 * 1024]))));
        client.put(null, key, new Bin("s", "text"), new Bin("i", 1));
        assertEquals(ResultCode.BIN_TYPE_ERROR, resultCode(() -> client.add(null, key, new Bin("s", 1))));
        assertEquals(ResultCode.BIN_TYPE_ERROR, resultCode(() -> client.append(null, key, new Bin("i", "x"))));
        assertEquals(Map.of("s", "text", "i", 1L), client.get(null, key).bins);
    }

    @Test
    void recordJustUnderTheLimitIsStored() {
        Key key = newKey();
        client.put(null, key, new Bin("big", new byte[1024 * 1024 - 4096]));
        assertEquals(1024 * 1024 - 4096, ((byte[]) client.get(null, key).getValue("big")).length);
    }

    @Test
    void appendPrependAndAddCreateMissingBins() {
        Key key = newKey();
        client.append(null, key, new Bin("s", "mid"));
        client.append(null, key, new Bin("s", "-end"));
        client.prepend(null, key, new Bin("s", "start-"));
        client.add(null, key, new Bin("n", 5));
        client.add(null, key, new Bin("n", -2));
        client.add(null, key, new Bin("f", 1.25));
        client.add(null, key, new Bin("f", 1.0));
        Record r = client.get(null, key);
        assertEquals("start-mid-end", r.getString("s"));
        assertEquals(3L, r.getLong("n"));
        assertEquals(2.25, r.getDouble("f"));
    }

    @Test
    void sendKeyDoesNotChangeWhatClientsRead() {
        Key key = newKey();
        WritePolicy p = new WritePolicy();
        p.sendKey = true;
        client.put(p, key, new Bin("a", 1));
        Record r = client.get(null, key);
        assertNotNull(r);
        assertEquals(1L, r.getLong("a"));
    }
}
