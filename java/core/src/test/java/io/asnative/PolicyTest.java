package io.asnative;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.BatchWritePolicy;
import com.aerospike.client.policy.GenerationPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.RecordExistsAction;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each policy field the native client maps reaches the server with the Java client's meaning. */
class PolicyTest extends NativeClientTestBase {

    private static WritePolicy exists(RecordExistsAction action) {
        WritePolicy p = new WritePolicy();
        p.recordExistsAction = action;
        return p;
    }

    private int resultCodeOf(Runnable r) {
        AerospikeException e = assertThrows(AerospikeException.class, r::run);
        return e.getResultCode();
    }

    @Test
    void createOnlyFailsWhenRecordExists() {
        Key key = key("create");
        client.put(exists(RecordExistsAction.CREATE_ONLY), key, new Bin("a", 1));
        assertEquals(ResultCode.KEY_EXISTS_ERROR,
                resultCodeOf(() -> client.put(exists(RecordExistsAction.CREATE_ONLY), key, new Bin("a", 2))));
        assertEquals(1L, client.get(null, key).getValue("a"));
    }

    @Test
    void updateOnlyAndReplaceOnlyFailWhenRecordMissing() {
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR,
                resultCodeOf(() -> client.put(exists(RecordExistsAction.UPDATE_ONLY), key("u"), new Bin("a", 1))));
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR,
                resultCodeOf(() -> client.put(exists(RecordExistsAction.REPLACE_ONLY), key("r"), new Bin("a", 1))));
        assertFalse(client.exists(null, key("u")));
    }

    /**
     * Single-record calls hand C an {@code as_error} that is not zeroed first (C resets it): a
     * failure must still report its own error, never what an earlier call left in the memory.
     */
    @Test
    void eachFailureReportsItsOwnError() {
        Key key = key("own-error");
        client.put(null, key, new Bin("a", 1));
        AerospikeException exists = assertThrows(AerospikeException.class,
                () -> client.put(exists(RecordExistsAction.CREATE_ONLY), key, new Bin("a", 2)));
        assertEquals(1L, client.get(null, key).getValue("a"));
        AerospikeException missing = assertThrows(AerospikeException.class,
                () -> client.put(exists(RecordExistsAction.UPDATE_ONLY), key("own-error-missing"), new Bin("a", 1)));
        assertEquals(ResultCode.KEY_EXISTS_ERROR, exists.getResultCode());
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, missing.getResultCode());
        assertTrue(exists.getMessage().contains("EXISTS"), exists.getMessage());
        assertTrue(missing.getMessage().contains("NOT_FOUND"), missing.getMessage());
        assertFalse(missing.getMessage().contains("EXISTS"), missing.getMessage());
    }

    @Test
    void replaceDropsOtherBinsWhileUpdateKeepsThem() {
        Key key = key("replace");
        client.put(null, key, new Bin("a", 1), new Bin("b", 2));
        client.put(exists(RecordExistsAction.UPDATE), key, new Bin("c", 3));
        assertEquals(3, client.get(null, key).bins.size());
        client.put(exists(RecordExistsAction.REPLACE), key, new Bin("d", 4));
        Record record = client.get(null, key);
        assertEquals(1, record.bins.size());
        assertEquals(4L, record.getValue("d"));
    }

    @Test
    void generationEqualAndGreaterThan() {
        Key key = key("gen");
        client.put(null, key, new Bin("a", 1));
        WritePolicy eq = new WritePolicy();
        eq.generationPolicy = GenerationPolicy.EXPECT_GEN_EQUAL;
        eq.generation = 5;
        assertEquals(ResultCode.GENERATION_ERROR, resultCodeOf(() -> client.put(eq, key, new Bin("a", 2))));
        eq.generation = 1;
        client.put(eq, key, new Bin("a", 2));
        assertEquals(2, client.getHeader(null, key).generation);

        WritePolicy gt = new WritePolicy();
        gt.generationPolicy = GenerationPolicy.EXPECT_GEN_GT;
        gt.generation = 2;
        assertEquals(ResultCode.GENERATION_ERROR, resultCodeOf(() -> client.put(gt, key, new Bin("a", 3))));
        gt.generation = 3;
        client.put(gt, key, new Bin("a", 3));
        assertEquals(3L, client.get(null, key).getValue("a"));
    }

    @Test
    void generationCheckOnDeleteAndOperate() {
        Key key = key("gendel");
        client.put(null, key, new Bin("a", 1));
        WritePolicy eq = new WritePolicy();
        eq.generationPolicy = GenerationPolicy.EXPECT_GEN_EQUAL;
        eq.generation = 9;
        assertEquals(ResultCode.GENERATION_ERROR, resultCodeOf(() -> client.operate(eq, key, Operation.put(new Bin("a", 2)))));
        assertEquals(ResultCode.GENERATION_ERROR, resultCodeOf(() -> client.delete(eq, key)));
        eq.generation = 1;
        assertTrue(client.delete(eq, key));
    }

    @Test
    void expirationSetsTtlAndNeverExpireAndNoChange() {
        Key key = key("ttl");
        WritePolicy ttl = new WritePolicy();
        ttl.expiration = 1000;
        client.put(ttl, key, new Bin("a", 1));
        int t = client.getHeader(null, key).getTimeToLive();
        assertTrue(t > 990 && t <= 1000, "ttl " + t);

        WritePolicy noChange = new WritePolicy();
        noChange.expiration = -2;
        client.put(noChange, key, new Bin("a", 2));
        int kept = client.getHeader(null, key).getTimeToLive();
        assertTrue(kept > 990 && kept <= 1000, "ttl kept " + kept);

        WritePolicy never = new WritePolicy();
        never.expiration = -1;
        client.put(never, key, new Bin("a", 3));
        assertEquals(-1, client.getHeader(null, key).getTimeToLive());
        assertEquals(-1, javaClient.getHeader(null, key).getTimeToLive());
    }

    @Test
    void expirationThroughOperateAndTouch() {
        Key key = key("ttlop");
        client.put(null, key, new Bin("a", 1));
        WritePolicy ttl = new WritePolicy();
        ttl.expiration = 500;
        client.touch(ttl, key);
        int t = javaClient.getHeader(null, key).getTimeToLive();
        assertTrue(t > 490 && t <= 500, "ttl " + t);
        ttl.expiration = 700;
        client.operate(ttl, key, Operation.put(new Bin("b", 2)));
        int t2 = javaClient.getHeader(null, key).getTimeToLive();
        assertTrue(t2 > 690 && t2 <= 700, "ttl " + t2);
    }

    @Test
    void durableDeleteDeletes() {
        Key key = key("durable");
        client.put(null, key, new Bin("a", 1));
        WritePolicy p = new WritePolicy();
        p.durableDelete = true;
        assertTrue(client.delete(p, key));
        assertNull(client.get(null, key));
    }

    @Test
    void explicitTimeoutsAndRetriesWork() {
        Key key = key("timeouts");
        WritePolicy w = new WritePolicy();
        w.totalTimeout = 2000;
        w.socketTimeout = 500;
        w.maxRetries = 1;
        w.sleepBetweenRetries = 5;
        w.compress = true;
        client.put(w, key, new Bin("a", "compressed?"));
        Policy r = new Policy();
        r.totalTimeout = 2000;
        r.maxRetries = 3;
        r.compress = true;
        assertEquals("compressed?", client.get(r, key).getValue("a"));
    }

    @Test
    void clientPolicyDefaultsApplyWhenThePolicyIsNull() {
        com.aerospike.client.policy.ClientPolicy cp = patientPolicy();
        cp.writePolicyDefault.expiration = 777;
        cp.writePolicyDefault.recordExistsAction = RecordExistsAction.CREATE_ONLY;
        try (NativeAerospikeClient custom = new NativeAerospikeClient(cp, server.host(), server.port())) {
            Key key = key("defaults");
            custom.put(null, key, new Bin("a", 1));
            int t = client.getHeader(null, key).getTimeToLive();
            assertTrue(t > 770 && t <= 777, "ttl from writePolicyDefault: " + t);
            assertEquals(ResultCode.KEY_EXISTS_ERROR, resultCodeOf(() -> custom.put(null, key, new Bin("a", 2))));
            client.put(null, key, new Bin("a", 3)); // the stock client is not affected
        }
    }

    @Test
    void sendKeyStoresTheUserKeyOnlyWhenAsked() {
        EmbeddedServer embedded = server.embedded(); // skips, saying why, on a real server
        Key sent = key("sendkey");
        WritePolicy p = new WritePolicy();
        p.sendKey = true;
        client.put(p, sent, new Bin("a", 1));
        Key notSent = key("nokey");
        client.put(null, notSent, new Bin("a", 1));
        byte[] stored = embedded.record(ns, sent.digest).orElseThrow().userKey();
        assertTrue(stored != null && new String(stored, java.nio.charset.StandardCharsets.UTF_8).contains("sendkey"),
                "the user key was stored");
        assertNull(embedded.record(ns, notSent.digest).orElseThrow().userKey());
        assertEquals(1L, javaClient.get(null, sent).getValue("a"));
    }

    /**
     * The stored user key is exactly what the Java client sends: particle type, then every byte
     * (multi-byte UTF-8, an embedded NUL, a long string), for puts and batch writes. (With the
     * digest handed to C, the string's length must be handed over too: a wrong one overran the C
     * client's buffer - the bad-input fuzz test crashed the JVM on it.)
     */
    @Test
    void sendKeyStoresStringKeysByteForByte() {
        EmbeddedServer embedded = server.embedded(); // skips, saying why, on a real server
        WritePolicy p = new WritePolicy();
        p.sendKey = true;
        List<String> userKeys = List.of("sendkey", "日本語😀", "a\0b", "k".repeat(3000));
        for (String userKey : userKeys) {
            Key key = new Key(ns, set, userKey);
            client.put(p, key, new Bin("a", 1));
            assertArrayEquals(stringParticle(userKey), embedded.record(ns, key.digest).orElseThrow().userKey(), userKey);
        }
        BatchWritePolicy bwp = new BatchWritePolicy();
        bwp.sendKey = true;
        List<com.aerospike.client.BatchRecord> writes = new java.util.ArrayList<>();
        for (String userKey : userKeys) {
            writes.add(new BatchWrite(bwp, new Key(ns, set, "batch-" + userKey),
                    new Operation[] {Operation.put(new Bin("a", 2))}));
        }
        assertTrue(client.operate(null, writes));
        for (String userKey : userKeys) {
            Key key = new Key(ns, set, "batch-" + userKey);
            assertArrayEquals(stringParticle("batch-" + userKey), embedded.record(ns, key.digest).orElseThrow().userKey(), userKey);
        }
    }

    private static byte[] stringParticle(String s) {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] particle = new byte[utf8.length + 1];
        particle[0] = (byte) com.aerospike.client.command.ParticleType.STRING;
        System.arraycopy(utf8, 0, particle, 1, utf8.length);
        return particle;
    }
}
