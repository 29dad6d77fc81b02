package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asnative.server.junit.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The library API itself: ports, names, lifecycle, configuration checks. */
class EmbeddedServerTest {
    @Test
    void nodesListenOnConsecutivePortsFromAFixedBase() throws IOException {
        int base = freeBase(3);
        try (EmbeddedServer server = TestServers.embedded(ServerConfig.builder().port(base).nodes(3).build())) {
            assertEquals(base, server.port());
            assertEquals(base + 2, server.node(2).port());
            Set<String> names = server.nodes().stream().map(ServerNode::name).collect(Collectors.toSet());
            assertEquals(3, names.size(), "node names are unique");
        }
    }

    @Test
    void aTakenPortFailsTheStartAndLeavesNothingRunning() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () ->
                    TestServers.embedded(ServerConfig.builder().port(taken.getLocalPort()).build()));
            assertTrue(e.getMessage().contains(Integer.toString(taken.getLocalPort())), e.getMessage());
        }
    }

    @Test
    void closeIsIdempotentAndStopsEveryNode() {
        EmbeddedServer server = TestServers.embeddedCluster(2);
        server.close();
        server.close();
        assertTrue(server.isClosed());
        assertFalse(server.node(0).isRunning());
        assertFalse(server.node(1).isRunning());
    }

    @Test
    void stopAndStartAreIdempotentAndMoveTheGeneration() {
        try (EmbeddedServer server = TestServers.embeddedCluster(2)) {
            int gen = server.cluster().generation();
            server.node(1).stop();
            server.node(1).stop();
            assertEquals(gen + 1, server.cluster().generation());
            server.node(1).start();
            server.node(1).start();
            assertEquals(gen + 2, server.cluster().generation());
        }
    }

    @Test
    void configurationIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().nodes(0));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().port(70000));
        assertThrows(IllegalArgumentException.class, () -> NamespaceConfig.of(""));
        assertThrows(IllegalArgumentException.class, () -> NamespaceConfig.of("x").withMaxRecordSize(10));
        try (EmbeddedServer server = TestServers.embedded(ServerConfig.builder().build())) {
            assertThrows(IllegalArgumentException.class, () -> server.objectCount("nope"));
            assertThrows(IllegalArgumentException.class, () -> server.record("test", new byte[3]));
            assertTrue(server.record("test", new byte[20]).isEmpty());
        }
    }

    /** A port p with p, p+1, ..., p+n-1 free right now. */
    private static int freeBase(int n) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0)) {
                base = s.getLocalPort();
            }
            if (base + n > 65535) {
                continue;
            }
            boolean free = true;
            for (int i = 1; i < n && free; i++) {
                try (ServerSocket s = new ServerSocket(base + i)) {
                    free = s.isBound();
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no run of " + n + " free ports found");
    }
}
