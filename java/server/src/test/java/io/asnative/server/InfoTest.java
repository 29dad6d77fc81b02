package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Info;
import com.aerospike.client.Key;
import com.aerospike.client.cluster.Node;
import io.asnative.server.junit.TestServers;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Info commands of a dedicated two-node embedded cluster. */
class InfoTest {
    private EmbeddedServer server;
    private AerospikeClient client;

    @BeforeEach
    void start() {
        server = TestServers.embeddedCluster(2);
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

    private Map<String, String> info(int node, String... names) {
        return Info.request(server.host(), server.node(node).port(), names);
    }

    @Test
    void identityAndFeatures() {
        Map<String, String> m = info(0, "node", "build", "edition", "status", "namespaces", "cluster-name", "features");
        assertEquals(server.node(0).name(), m.get("node"));
        assertEquals(15, m.get("node").length());
        assertEquals("8.1.0.0", m.get("build"));
        assertEquals("ok", m.get("status"));
        assertEquals("test;bar", m.get("namespaces"));
        assertEquals("null", m.get("cluster-name"));
        for (String f : new String[] {"pscans", "batch-any", "pquery", "query-show"}) {
            assertTrue(m.get("features").contains(f), f);
        }
    }

    @Test
    void replicasOfTheTwoNodesPartitionTheMapExactly() {
        int gen = Integer.parseInt(info(0, "partition-generation").get("partition-generation"));
        assertEquals(gen, Integer.parseInt(info(1, "partition-generation").get("partition-generation")));
        byte[][] maps = new byte[2][];
        for (int n = 0; n < 2; n++) {
            String replicas = info(n, "replicas").get("replicas");
            String[] perNs = replicas.split(";");
            assertEquals(2, perNs.length, replicas);
            assertTrue(perNs[0].startsWith("test:0,1,"), replicas);
            assertTrue(perNs[1].startsWith("bar:0,1,"), replicas);
            maps[n] = Base64.getDecoder().decode(perNs[0].substring("test:0,1,".length()));
            assertEquals(512, maps[n].length);
        }
        int owned0 = 0;
        for (int p = 0; p < 4096; p++) {
            boolean a = (maps[0][p >> 3] & (0x80 >> (p & 7))) != 0;
            boolean b = (maps[1][p >> 3] & (0x80 >> (p & 7))) != 0;
            assertTrue(a ^ b, "partition " + p + " must have exactly one owner");
            owned0 += a ? 1 : 0;
        }
        assertEquals(2048, owned0);
        assertTrue(info(0, "replicas-all").get("replicas-all").startsWith("test:1,"));
        assertTrue(info(0, "replicas-master").get("replicas-master").startsWith("test:"));
    }

    @Test
    void peersListTheOtherNode() {
        String peers = info(0, "peers-clear-std").get("peers-clear-std");
        ServerNode other = server.node(1);
        assertEquals(info(0, "peers-generation").get("peers-generation") + "," + server.node(0).port() + ",[["
                + other.name() + ",,[" + other.host() + ":" + other.port() + "]]]", peers);
        assertEquals(server.host() + ":" + server.node(1).port(), info(1, "service-clear-std").get("service-clear-std"));
    }

    @Test
    void statisticsNamespaceAndTruncate() {
        for (int i = 0; i < 10; i++) {
            client.put(null, new Key("test", i < 6 ? "s1" : "s2", i), new Bin("a", i));
        }
        assertTrue(info(0, "statistics").get("statistics").contains("objects=10"));
        assertTrue(info(0, "namespace/test").get("namespace/test").startsWith("objects=10;"));
        assertEquals("ns_type=unknown", info(0, "namespace/none").get("namespace/none"));
        assertEquals("ok", info(0, "truncate:namespace=test;set=s1").get("truncate:namespace=test;set=s1"));
        assertEquals(4, server.objectCount("test"));
        client.put(null, new Key("test", "s3", 1), new Bin("a", 1));
        client.truncate(null, "test", "s3", null); // the Java client's own truncate command
        assertEquals(4, server.objectCount("test"));
        Node node = client.getNodes()[0];
        assertEquals("ok", Info.request(null, node, "truncate-namespace:namespace=test"));
        assertEquals(0, server.objectCount("test"));
    }

    @Test
    void unknownNamesGetAnEmptyValueAndEveryNameIsAnswered() {
        Map<String, String> m = info(0, "node", "no-such-command", "build");
        assertEquals(3, m.size());
        assertTrue(m.containsKey("no-such-command"));
        String value = m.get("no-such-command"); // the Java client maps an empty value to null
        assertTrue(value == null || value.isEmpty(), value);
        assertFalse(m.get("node").isEmpty());
    }
}
