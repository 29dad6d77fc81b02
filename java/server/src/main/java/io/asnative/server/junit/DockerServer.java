package io.asnative.server.junit;

import io.asnative.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A real {@code aerospike/aerospike-server} 8.x in a Testcontainers-managed container, configured
 * like {@code docker/aerospike.conf} (namespaces {@code test} and {@code bar}). Only loaded in
 * {@code -Dasnative.server=docker} mode, after checking that Testcontainers is on the classpath.
 * The image can be changed with {@code -Dasnative.server.image=...}.
 */
final class DockerServer implements TestServer, AutoCloseable {
    static final String IMAGE = System.getProperty("asnative.server.image", "aerospike/aerospike-server:8.1.0.0");
    private static final String CONF = "/opt/aerospike/etc/aerospike.conf";

    @SuppressWarnings("resource") // closed by close()
    private final GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withExposedPorts(3000)
            .withCopyToContainer(Transferable.of(config()), CONF)
            .withCommand("--config-file", CONF)
            .waitingFor(Wait.forLogMessage(".*service ready.*", 1))
            .withStartupTimeout(Duration.ofMinutes(3));

    DockerServer() {
        container.start();
    }

    static byte[] config() {
        try (InputStream in = DockerServer.class.getResourceAsStream("aerospike.conf")) {
            if (in == null) {
                throw new IllegalStateException("aerospike.conf is missing from the asnative-server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(3000);
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
        return "Docker container " + IMAGE + " at " + host() + ':' + port();
    }

    @Override
    public void close() {
        container.stop();
    }
}
