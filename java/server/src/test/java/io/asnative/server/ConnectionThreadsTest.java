package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server's two ways of serving a connection. Both branches of the JVM check are asserted: on
 * Java 21+ virtual threads must be used when asked for, before Java 21 asking must be refused.
 */
class ConnectionThreadsTest {

    private static final boolean JAVA_21 = Runtime.version().feature() >= 21;

    private static boolean isVirtual(Thread t) throws ReflectiveOperationException {
        return JAVA_21 && (boolean) Thread.class.getMethod("isVirtual").invoke(t);
    }

    @Test
    void platformThreadsAreNamedDaemonsThatRunTheConnection() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Thread t = ConnectionThreads.start(ran::countDown, "conn-test", false);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertEquals("conn-test", t.getName());
        assertTrue(t.isDaemon());
        assertFalse(isVirtual(t));
    }

    @Test
    void virtualThreadsAreUsedOnJava21AndRefusedBefore() throws Exception {
        assertEquals(JAVA_21, ConnectionThreads.virtualAvailable());
        CountDownLatch ran = new CountDownLatch(1);
        if (JAVA_21) {
            Thread t = ConnectionThreads.start(ran::countDown, "conn-test", true);
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            assertTrue(isVirtual(t));
            assertEquals("conn-test", t.getName());
        } else {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ConnectionThreads.start(ran::countDown, "conn-test", true));
            assertTrue(e.getMessage().contains("Java 21"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> ServerConfig.builder().virtualThreads(true));
        }
    }

    /** Virtual threads are not in getAllStackTraces(): a served connection leaves no platform thread. */
    @Test
    void aServerWithVirtualThreadsServesClientsWithoutAPlatformThreadPerConnection() throws Exception {
        for (boolean virtual : JAVA_21 ? new boolean[] {false, true} : new boolean[] {false}) {
            try (EmbeddedServer server = EmbeddedServer.start(ServerConfig.builder().virtualThreads(virtual).build());
                 AerospikeClient client = Clients.connect(server)) {
                Key key = new Key("test", "threads", "k");
                client.put(null, key, new Bin("v", 42));
                assertEquals(42, client.get(null, key).getInt("v"));
                long platformConnectionThreads = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().endsWith("-conn")).count();
                if (virtual) {
                    assertEquals(0, platformConnectionThreads, "virtual=true still serves on platform threads");
                } else {
                    assertTrue(platformConnectionThreads > 0, "virtual=false serves on no platform thread");
                }
            }
        }
    }
}
