package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import io.asnative.server.junit.TestServers;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A three-node cluster: partition routing, batch splitting, node stop and restart. */
class ClusterTest {
    private static final int KEYS = 600;
    private EmbeddedServer server;
    private AerospikeClient client;

    @BeforeEach
    void start() {
        server = TestServers.embeddedCluster(3);
        client = Clients.connect(server);
        await(() -> client.getNodes().length == 3, "client discovers all three nodes");
        for (ServerNode n : server.nodes()) {
            n.stats().reset();
        }
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

    /** Polls a condition the client reaches asynchronously (cluster tending); fails after 30 s. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Key key(int i) {
        return new Key("test", "cluster", i);
    }

    @Test
    void everyNodeReceivesOnlyTheKeysItOwns() {
        for (int i = 0; i < KEYS; i++) {
            client.put(null, key(i), new Bin("i", i));
        }
        for (int i = 0; i < KEYS; i++) {
            assertEquals(i, client.get(null, key(i)).getInt("i"));
        }
        long total = 0;
        for (ServerNode n : server.nodes()) {
            NodeStats s = n.stats();
            assertEquals(0, s.keysNotOwned(), n + " " + s);
            assertTrue(s.keys() > KEYS / 6, n + " got too few keys: " + s);
            total += s.keys();
        }
        assertEquals(2L * KEYS, total);
    }

    @Test
    void batchIsSplitPerNode() {
        Key[] keys = new Key[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = key(i);
            client.put(null, keys[i], new Bin("i", i));
        }
        for (ServerNode n : server.nodes()) {
            n.stats().reset();
        }
        Record[] rs = client.get(null, keys);
        for (int i = 0; i < KEYS; i++) {
            assertEquals(i, rs[i].getInt("i"));
        }
        long total = 0;
        for (ServerNode n : server.nodes()) {
            NodeStats s = n.stats();
            assertEquals(1, s.batchRequests(), n + " " + s);
            assertEquals(0, s.keysNotOwned(), n + " " + s);
            total += s.keys();
        }
        assertEquals(KEYS, total);
    }

    private boolean everyKeyHasANode() {
        for (int i = 0; i < KEYS; i++) {
            try {
                client.exists(null, key(i));
            } catch (com.aerospike.client.AerospikeException.InvalidNode e) {
                return false;
            }
        }
        return true;
    }

    @Test
    void stoppedNodeLeavesAndRestartedNodeRejoins() {
        for (int i = 0; i < KEYS; i++) {
            client.put(null, key(i), new Bin("i", i));
        }
        int port = server.node(1).port();
        int genBefore = server.cluster().generation();
        server.node(1).stop();
        assertTrue(server.cluster().generation() > genBefore);
        await(() -> client.getNodes().length == 2, "client drops the stopped node");
        // Dropping the node and re-reading the partition map are separate tend steps: until the
        // map is re-read, the stopped node's partitions have no node in the client ("Node not found").
        await(() -> everyKeyHasANode(), "client maps the stopped node's partitions to the others");
        for (ServerNode n : server.nodes()) {
            n.stats().reset();
        }
        for (int i = 0; i < KEYS; i++) {
            Record r = client.get(null, key(i));
            assertNotNull(r, "key " + i + " survives (shared store)");
        }
        assertEquals(0, server.node(1).stats().keys());
        assertEquals(0, server.node(0).stats().keysNotOwned() + server.node(2).stats().keysNotOwned());

        server.node(1).start();
        assertEquals(port, server.node(1).port());
        await(() -> client.getNodes().length == 3, "client re-adds the restarted node");
        await(() -> {
            for (ServerNode n : server.nodes()) {
                n.stats().reset();
            }
            for (int i = 0; i < KEYS; i++) {
                client.get(null, key(i));
            }
            long notOwned = 0;
            for (ServerNode n : server.nodes()) {
                notOwned += n.stats().keysNotOwned();
            }
            return notOwned == 0 && server.node(1).stats().keys() > 0;
        }, "routing converges on the restarted node's partitions");
    }
}
