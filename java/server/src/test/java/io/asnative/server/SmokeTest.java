package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void putGet() {
        try (EmbeddedServer server = EmbeddedServer.start(); AerospikeClient client = Clients.connect(server)) {
            Key key = new Key("test", "smoke", 1);
            client.put(null, key, new Bin("a", 1), new Bin("b", "x"));
            Record r = client.get(null, key);
            assertEquals(1L, r.getLong("a"));
            assertEquals("x", r.getString("b"));
            assertEquals(1, r.generation);
            Record[] rs = client.get(null, new Key[] {key, new Key("test", "smoke", 2)});
            assertEquals("x", rs[0].getString("b"));
            assertEquals(null, rs[1]);
        }
    }
}
