package io.asnative;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.policy.ClientPolicy;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One native client (the backend chosen by {@code -Dasnative.backend}, as the surefire executions
 * set it) and one pure-Java client per test class, against the suite's server
 * ({@code -Dasnative.server}: embedded by default). Each test gets its own set name, so tests never
 * see each other's records.
 */
@ExtendWith(AerospikeServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NativeClientTestBase {

    private static final AtomicInteger SETS = new AtomicInteger();

    protected TestServer server;
    protected NativeAerospikeClient client;
    protected AerospikeClient javaClient;
    protected String ns;
    protected String set;

    @BeforeAll
    void connect(TestServer server) {
        this.server = server;
        this.ns = server.namespace();
        this.client = new NativeAerospikeClient(patientPolicy(), new Host(server.host(), server.port()));
        this.javaClient = new AerospikeClient(patientPolicy(), new Host(server.host(), server.port()));
    }

    /**
     * Default policies with generous timeouts: CI machines are small and shared, and a 1 s default
     * timeout would make correctness tests fail for reasons that are not theirs. (Timeouts
     * themselves are tested with faults in the reliability tests.)
     */
    static ClientPolicy patientPolicy() {
        ClientPolicy policy = new ClientPolicy();
        policy.readPolicyDefault.totalTimeout = 10_000;
        policy.writePolicyDefault.totalTimeout = 10_000;
        policy.batchPolicyDefault.totalTimeout = 10_000;
        policy.batchParentPolicyWriteDefault.totalTimeout = 10_000;
        return policy;
    }

    @BeforeEach
    void freshSet(TestInfo info) {
        String method = info.getTestMethod().map(m -> m.getName()).orElse("t");
        set = (method.length() > 40 ? method.substring(0, 40) : method) + "_" + SETS.incrementAndGet();
    }

    @AfterAll
    void disconnect() {
        if (client != null) {
            client.close();
        }
        if (javaClient != null) {
            javaClient.close();
        }
    }

    protected Key key(Object id) {
        if (id instanceof Integer i) {
            return new Key(ns, set, i);
        }
        if (id instanceof Long l) {
            return new Key(ns, set, l);
        }
        if (id instanceof byte[] b) {
            return new Key(ns, set, b);
        }
        return new Key(ns, set, String.valueOf(id));
    }
}
