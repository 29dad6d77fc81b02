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
        policy.timeout = 5000;
        policy.tendInterval = 250; // notice cluster changes quickly in cluster tests
        // Tests check results, not speed: generous timeouts keep them green on a machine whose two
        // cores are shared with other builds. Writes keep maxRetries 0 so adds never apply twice.
        policy.readPolicyDefault.socketTimeout = 15_000;
        policy.readPolicyDefault.totalTimeout = 15_000;
        policy.writePolicyDefault.socketTimeout = 15_000;
        policy.writePolicyDefault.totalTimeout = 15_000;
        policy.batchPolicyDefault.socketTimeout = 15_000;
        policy.batchPolicyDefault.totalTimeout = 15_000;
        policy.batchParentPolicyWriteDefault.socketTimeout = 15_000;
        policy.batchParentPolicyWriteDefault.totalTimeout = 15_000;
        policy.infoPolicyDefault.timeout = 15_000;
        return new AerospikeClient(policy, new Host(host, port));
    }
}
