package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.server.junit.TestServers;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault kind, observed through the Java client or a bare socket. */
class FaultsTest {
    private EmbeddedServer server;
    private AerospikeClient client;
    private final Key key = new Key("test", "faults", 1);

    @BeforeEach
    void start() {
        server = TestServers.embedded(ServerConfig.builder().build());
        client = Clients.connect(server);
        client.put(null, key, new Bin("a", 1));
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

    private static Policy noRetry(int socketTimeoutMs) {
        Policy p = new Policy();
        p.maxRetries = 0;
        p.socketTimeout = socketTimeoutMs;
        p.totalTimeout = socketTimeoutMs;
        return p;
    }

    @Test
    void delayedResponsesTimeOutAClientWithAShorterTimeout() {
        server.node(0).faults().delayResponses(Duration.ofMillis(400));
        assertThrows(AerospikeException.Timeout.class, () -> client.get(noRetry(100), key));
        assertEquals(1L, client.get(noRetry(10_000), key).getLong("a"), "a patient client gets the answer");
        server.node(0).faults().clear();
        assertEquals(1L, client.get(noRetry(10_000), key).getLong("a"));
    }

    @Test
    void silentNodeTimesOutUntilCleared() {
        server.node(0).faults().stopAnswering();
        assertThrows(AerospikeException.Timeout.class, () -> client.get(noRetry(200), key));
        server.node(0).faults().clear();
        assertEquals(1L, client.get(noRetry(10_000), key).getLong("a"));
    }

    @Test
    void closeAfterRequestFailsThatCommandOnly() {
        server.node(0).faults().closeAfterNextRequests(1);
        WritePolicy once = new WritePolicy();
        once.maxRetries = 0;
        once.socketTimeout = 10_000; // so that the failure seen is the close, never a timeout
        once.totalTimeout = 10_000;
        AerospikeException e = assertThrows(AerospikeException.class, () -> client.put(once, key, new Bin("a", 2)));
        assertTrue(e instanceof AerospikeException.Connection || e.getResultCode() < 0, e.toString());
        client.put(once, key, new Bin("a", 3));
        assertEquals(3L, client.get(null, key).getLong("a"));
    }

    @Test
    void droppedConnectionsPreventANewClientFromConnecting() {
        server.node(0).faults().dropNextConnections(1000);
        assertThrows(AerospikeException.class, () -> Clients.connect(server).close());
        assertTrue(server.node(0).stats().connectionsDropped() > 0);
        server.node(0).faults().clear();
        try (AerospikeClient fresh = Clients.connect(server)) {
            assertEquals(1L, fresh.get(null, key).getLong("a"));
        }
    }

    @Test
    void refusedConnectionsUntilAcceptedAgain() throws IOException {
        int port = server.port();
        server.node(0).faults().refuseConnections();
        assertThrows(ConnectException.class, () -> new Socket(server.host(), port).close());
        assertEquals(1L, client.get(null, key).getLong("a"), "pooled connections stay open");
        server.node(0).faults().acceptConnections();
        try (Socket s = new Socket(server.host(), port)) {
            assertTrue(s.isConnected());
        }
        assertEquals(port, server.port());
    }
}
