package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws InterruptedException {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--namespace NAME"));
    }

    @Test
    void badArgumentsExitTwoWithAMessage() throws InterruptedException {
        assertEquals(2, run("--port", "many"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--port needs a number, not 'many'"));
        assertEquals(2, run("--frobnicate"));
        assertEquals(2, run("--nodes"));
        assertEquals(2, run("--nodes", "0"));
    }

    @Test
    void parsesEveryOption() {
        ServerConfig c = Main.parse(new String[] {"--port", "4000", "--nodes", "3", "--namespace", "a",
                "--namespace", "b", "--default-ttl", "60", "--host", "127.0.0.1", "--cluster-name", "x"});
        assertEquals(4000, c.port());
        assertEquals(3, c.nodes());
        assertEquals(List.of("a", "b"), c.namespaceNames());
        assertEquals(Duration.ofSeconds(60), c.namespaces().get(1).defaultTtl());
        assertEquals("x", c.clusterName());
        assertFalse(c.virtualThreads());
        if (Runtime.version().feature() >= 21) {
            assertTrue(Main.parse(new String[] {"--virtual-threads"}).virtualThreads());
        } else {
            assertThrows(IllegalStateException.class, () -> Main.parse(new String[] {"--virtual-threads"}));
        }
        assertNull(Main.parse(new String[] {"-h"}));
        ServerConfig defaults = Main.parse(new String[0]);
        assertEquals(3000, defaults.port());
        assertEquals(List.of("test", "bar"), defaults.namespaceNames());
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--namespace", "bad;name"}));
    }
}
