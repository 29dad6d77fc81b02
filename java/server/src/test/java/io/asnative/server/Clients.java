package io.asnative.server;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Host;
import com.aerospike.client.policy.ClientPolicy;
import io.asnative.server.junit.TestServer;

/** Java client construction shared by the tests. */
final class Clients {
    private Clients() {
    }

    static AerospikeClient connect(TestServer server) {
        return connect(server.host(), server.port());
    }

    static AerospikeClient connect(EmbeddedServer server) {
        return connect(server.host(), server.port());
    }

    static AerospikeClient connect(String host, int port) {
        ClientPolicy policy = new ClientPolicy();
        policy.timeout = 2000;
        policy.tendInterval = 250; // notice cluster changes quickly in cluster tests
        return new AerospikeClient(policy, new Host(host, port));
    }
}
