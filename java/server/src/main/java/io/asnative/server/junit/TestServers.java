package io.asnative.server.junit;

import io.asnative.server.EmbeddedServer;
import io.asnative.server.ServerConfig;
import org.junit.jupiter.api.Assumptions;

/**
 * Dedicated servers for tests that need their own cluster or faults. They are started by the
 * test, which closes them; on a suite run against an external or Docker server
 * ({@code -Dasnative.server=...}) the calling test is aborted with the reason instead.
 */
public final class TestServers {
    private TestServers() {
    }

    /** A new {@code nodes}-node embedded cluster with namespaces {@code test} and {@code bar}. */
    public static EmbeddedServer embeddedCluster(int nodes) {
        return embedded(ServerConfig.builder().nodes(nodes).build());
    }

    /** A new embedded server with the given configuration. */
    public static EmbeddedServer embedded(ServerConfig config) {
        ServerMode mode = ServerMode.current();
        Assumptions.assumeTrue(mode.kind == ServerMode.Kind.EMBEDDED,
                () -> "this test needs a dedicated embedded server (cluster control / fault injection);"
                        + " asnative.server=" + System.getProperty(ServerMode.PROPERTY));
        return EmbeddedServer.start(config);
    }
}
