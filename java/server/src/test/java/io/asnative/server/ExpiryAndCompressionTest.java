package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.server.junit.TestServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TTL, expiry through the server clock, stored user keys and compression: embedded server only. */
class ExpiryAndCompressionTest {
    private EmbeddedServer server;
    private AerospikeClient client;

    @BeforeEach
    void start() {
        // Aborts on an external server: these tests need the server clock and server-side state.
        server = TestServers.embedded(ServerConfig.builder().namespace("test")
                .namespace(NamespaceConfig.of("short").withDefaultTtl(Duration.ofSeconds(100))).build());
        client = Clients.connect(server);
    }

    @AfterEach
    void stop() {
        // Null when @BeforeEach was aborted (the suite runs against a non-embedded server).
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WritePolicy ttl(int seconds) {
        WritePolicy p = new WritePolicy();
        p.expiration = seconds;
        return p;
    }

    @Test
    void recordExpiresWhenTheClockPassesItsTtl() {
        Key key = new Key("test", "ttl", 1);
        client.put(ttl(60), key, new Bin("a", 1));
        int ttl = client.get(null, key).getTimeToLive();
        assertTrue(ttl > 55 && ttl <= 60, "ttl " + ttl);
        server.clock().advance(Duration.ofSeconds(30));
        assertTrue(client.exists(null, key));
        server.clock().advance(Duration.ofSeconds(31));
        assertFalse(client.exists(null, key));
        assertNull(client.get(null, key));
        assertFalse(client.delete(null, key));
        assertEquals(0, server.objectCount("test"));
    }

    @Test
    void neverExpireAndNoChangeTtl() {
        Key key = new Key("test", "ttl", 2);
        client.put(ttl(-1), key, new Bin("a", 1));
        assertEquals(-1, client.get(null, key).getTimeToLive()); // the client's "never expires"
        client.put(ttl(50), key, new Bin("a", 2));
        client.put(ttl(-2), key, new Bin("a", 3)); // keeps the 50 s expiry
        server.clock().advance(Duration.ofSeconds(51));
        assertNull(client.get(null, key));
    }

    @Test
    void namespaceDefaultTtlAppliesToTtlZero() {
        Key key = new Key("short", "ttl", 3);
        client.put(null, key, new Bin("a", 1));
        assertNotNull(server.record("short", key.digest).orElseThrow().expiresAt());
        server.clock().advance(Duration.ofSeconds(99));
        assertTrue(client.exists(null, key));
        server.clock().advance(Duration.ofSeconds(2));
        assertFalse(client.exists(null, key));
        Key forever = new Key("test", "ttl", 3);
        client.put(null, forever, new Bin("a", 1));
        assertNull(server.record("test", forever.digest).orElseThrow().expiresAt());
    }

    @Test
    void touchResetsTheTtlAndAnExpiredRecordIsRecreatedFresh() {
        Key key = new Key("test", "ttl", 4);
        client.put(ttl(10), key, new Bin("a", 1));
        server.clock().advance(Duration.ofSeconds(8));
        client.touch(ttl(10), key);
        server.clock().advance(Duration.ofSeconds(8));
        assertEquals(2, client.get(null, key).generation);
        server.clock().advance(Duration.ofSeconds(3));
        client.put(null, key, new Bin("b", 2));
        Record r = client.get(null, key);
        assertEquals(1, r.generation);
        assertNull(r.getValue("a"));
    }

    @Test
    void sendKeyStoresTheUserKey() {
        Key key = new Key("test", "keys", "user-key");
        WritePolicy p = new WritePolicy();
        p.sendKey = true;
        client.put(p, key, new Bin("a", 1));
        RecordInfo info = server.record("test", key.digest).orElseThrow();
        byte[] expected = ("\u0003user-key").getBytes(StandardCharsets.UTF_8); // string particle, then UTF-8
        assertArrayEquals(expected, info.userKey());
        assertEquals("keys", info.set());
        client.put(null, key, new Bin("b", 2)); // a later write without the key keeps it
        assertArrayEquals(expected, server.record("test", key.digest).orElseThrow().userKey());
        Key noKey = new Key("test", "keys", "other");
        client.put(null, noKey, new Bin("a", 1));
        assertNull(server.record("test", noKey.digest).orElseThrow().userKey());
    }

    @Test
    void durableDeleteIsAccepted() {
        Key key = new Key("test", "dd", 1);
        client.put(null, key, new Bin("a", 1));
        WritePolicy p = new WritePolicy();
        p.durableDelete = true;
        assertTrue(client.delete(p, key));
        assertFalse(client.exists(null, key));
    }

    @Test
    void compressedRequestsAndResponses() {
        WritePolicy wp = new WritePolicy();
        wp.compress = true;
        Policy rp = new Policy();
        rp.compress = true;
        BatchPolicy bp = new BatchPolicy();
        bp.compress = true;
        byte[] payload = new byte[4000];
        Arrays.fill(payload, (byte) 7);
        Key[] keys = new Key[20];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new Key("test", "z", i);
            client.put(wp, keys[i], new Bin("p", payload), new Bin("i", i));
        }
        NodeStats stats = server.node(0).stats();
        assertTrue(stats.compressedRequests() >= keys.length, stats.toString());
        Record r = client.get(rp, keys[3]);
        assertArrayEquals(payload, (byte[]) r.getValue("p"));
        Record[] rs = client.get(bp, keys);
        for (int i = 0; i < keys.length; i++) {
            assertEquals(i, rs[i].getLong("i"));
        }
        assertTrue(stats.compressedResponses() >= 2, stats.toString());
    }
}
