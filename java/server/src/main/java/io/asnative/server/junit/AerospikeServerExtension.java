package io.asnative.server.junit;

import io.asnative.server.EmbeddedServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link TestServer}: {@code @ExtendWith(AerospikeServerExtension.class)} on the class,
 * then declare a {@code TestServer} parameter on a test method, constructor, {@code @BeforeAll}
 * or {@code @BeforeEach} method.
 *
 * <p>The server is chosen once per JVM by the system property {@code asnative.server}:
 * <ul>
 *   <li>{@code embedded} (default): one shared single-node {@link EmbeddedServer} with namespaces
 *       {@code test} and {@code bar}, started on first use and closed when the test run ends;</li>
 *   <li>{@code HOST:PORT}: an external server (e.g. a real Aerospike 8 with namespaces {@code test}
 *       and {@code bar}, see {@code docker/docker-compose.yml});</li>
 *   <li>{@code docker}: a Testcontainers-managed real {@code aerospike/aerospike-server} 8.x
 *       configured like {@code docker/aerospike.conf}, started once per JVM. Testcontainers is an
 *       optional dependency: add it to the test classpath. Without a Docker engine or without
 *       Testcontainers, the tests of each class are aborted with the reason.</li>
 * </ul>
 */
public final class AerospikeServerExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(AerospikeServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ServerMode mode = ServerMode.current();
        if (mode.kind == ServerMode.Kind.DOCKER) {
            String reason = ServerMode.dockerUnavailableReason();
            if (reason == null && !testcontainersPresent()) {
                reason = "Testcontainers (org.testcontainers:testcontainers) is not on the test classpath";
            }
            if (reason != null) {
                Assumptions.abort("asnative.server=docker: " + reason
                        + "; alternatively start docker/docker-compose.yml and use -Dasnative.server=127.0.0.1:3000");
            }
        }
    }

    private static boolean testcontainersPresent() {
        try {
            Class.forName("org.testcontainers.containers.GenericContainer", false,
                    AerospikeServerExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext);
    }

    static TestServer server(ExtensionContext context) {
        ServerMode mode = ServerMode.current();
        switch (mode.kind) {
            case EXTERNAL:
                return new ExternalTestServer(mode.host, mode.port);
            case EMBEDDED:
                SharedEmbedded shared = context.getRoot().getStore(STORE)
                        .getOrComputeIfAbsent(SharedEmbedded.class, k -> new SharedEmbedded(), SharedEmbedded.class);
                return shared.testServer();
            default:
                try {
                    return context.getRoot().getStore(STORE)
                            .getOrComputeIfAbsent(SharedDocker.class, k -> new SharedDocker(), SharedDocker.class)
                            .server;
                } catch (RuntimeException e) {
                    throw new ParameterResolutionException("cannot start " + DockerServer.IMAGE + " with Testcontainers", e);
                }
        }
    }

    /** The JVM-wide container; JUnit stops it with the root store when the run ends. */
    @SuppressWarnings("deprecation")
    static final class SharedDocker implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final DockerServer server = new DockerServer();

        @Override
        public void close() {
            server.close();
        }
    }

    /** The JVM-wide embedded server; JUnit closes it with the root store when the run ends. */
    @SuppressWarnings("deprecation") // CloseableResource for JUnit versions before AutoCloseable support
    static final class SharedEmbedded implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final EmbeddedServer server = EmbeddedServer.start();
        private final TestServer testServer = new EmbeddedTestServer(server);

        TestServer testServer() {
            return testServer;
        }

        @Override
        public void close() {
            server.close();
        }
    }

    static final class EmbeddedTestServer implements TestServer {
        private final EmbeddedServer server;

        EmbeddedTestServer(EmbeddedServer server) {
            this.server = server;
        }

        @Override
        public String host() {
            return server.host();
        }

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public boolean isEmbedded() {
            return true;
        }

        @Override
        public EmbeddedServer embedded() {
            return server;
        }

        @Override
        public String description() {
            return "embedded server at " + host() + ':' + port();
        }

        @Override
        public String toString() {
            return description();
        }
    }

    static final class ExternalTestServer implements TestServer {
        private final String host;
        private final int port;

        ExternalTestServer(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public boolean isEmbedded() {
            return false;
        }

        @Override
        public EmbeddedServer embedded() {
            return Assumptions.abort("this test needs the embedded server's fault injection, clock or cluster control;"
                    + " it cannot run against " + description());
        }

        @Override
        public String description() {
            return "external server at " + host + ':' + port;
        }

        @Override
        public String toString() {
            return description();
        }
    }
}
