package io.asnative.server.junit;

import io.asnative.server.EmbeddedServer;

/**
 * The Aerospike server a test suite runs against, injected by {@link AerospikeServerExtension}.
 * Which one is chosen by the system property {@code asnative.server}: {@code embedded} (default),
 * {@code HOST:PORT} of an external server, or {@code docker}.
 */
public interface TestServer {
    /** Seed host for clients. */
    String host();

    /** Seed port for clients. */
    int port();

    /** The namespace tests write to: {@code test}. */
    default String namespace() {
        return "test";
    }

    /** A second namespace: {@code bar}. */
    default String otherNamespace() {
        return "bar";
    }

    /** True when the server is the in-process {@link EmbeddedServer}. */
    boolean isEmbedded();

    /**
     * The embedded server, for fault injection, cluster control and its clock. On any other
     * server this aborts the calling test (it is skipped, with the reason) through
     * {@link org.junit.jupiter.api.Assumptions}.
     */
    EmbeddedServer embedded();

    /** Human-readable description, e.g. "embedded server at 127.0.0.1:34567". */
    String description();
}
