package io.asnative.server.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asnative.server.EmbeddedServer;
import java.net.Socket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.TestAbortedException;

@ExtendWith(AerospikeServerExtension.class)
class ExtensionTest {
    private static TestServer fromBeforeAll;
    private final TestServer fromConstructor;
    private TestServer fromBeforeEach;

    ExtensionTest(TestServer server) {
        this.fromConstructor = server;
    }

    @BeforeAll
    static void beforeAll(TestServer server) {
        fromBeforeAll = server;
    }

    @BeforeEach
    void beforeEach(TestServer server) {
        fromBeforeEach = server;
    }

    @Test
    void oneSharedServerIsInjectedEverywhere(TestServer server) throws Exception {
        assertEquals("test", server.namespace());
        assertEquals("bar", server.otherNamespace());
        if (server.isEmbedded()) {
            assertSame(fromBeforeAll.embedded(), server.embedded());
            assertSame(fromConstructor.embedded(), server.embedded());
            assertSame(fromBeforeEach.embedded(), server.embedded());
            assertFalse(server.embedded().isClosed());
        }
        try (Socket s = new Socket(server.host(), server.port())) {
            assertTrue(s.isConnected());
        }
        assertTrue(server.description().contains(server.host() + ":" + server.port()));
    }

    @Test
    void modeParsing() {
        assertEquals(ServerMode.Kind.EMBEDDED, ServerMode.parse("embedded").kind);
        assertEquals(ServerMode.Kind.EMBEDDED, ServerMode.parse("").kind);
        assertEquals(ServerMode.Kind.DOCKER, ServerMode.parse("docker").kind);
        ServerMode external = ServerMode.parse("db.example:3100");
        assertEquals(ServerMode.Kind.EXTERNAL, external.kind);
        assertEquals("db.example", external.host);
        assertEquals(3100, external.port);
        assertThrows(IllegalArgumentException.class, () -> ServerMode.parse("db.example"));
        assertThrows(IllegalArgumentException.class, () -> ServerMode.parse("db.example:99999"));
    }

    @Test
    void externalServerAbortsTestsThatNeedTheEmbeddedOne() {
        TestServer external = new AerospikeServerExtension.ExternalTestServer("127.0.0.1", 3000);
        assertFalse(external.isEmbedded());
        TestAbortedException e = assertThrows(TestAbortedException.class, external::embedded);
        assertTrue(e.getMessage().contains("embedded server"), e.getMessage());
    }

    @Test
    void dedicatedClusterFromTestServers() {
        try (EmbeddedServer cluster = TestServers.embeddedCluster(2)) {
            assertEquals(2, cluster.nodes().size());
            assertTrue(cluster.node(1).isRunning());
        }
    }
}
