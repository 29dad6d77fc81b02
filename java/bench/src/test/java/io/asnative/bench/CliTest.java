package io.asnative.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    private static RunOptions parse(String... args) {
        return TestOptions.parse(args);
    }

    @Test
    void defaultsAreTheSeeds() {
        RunOptions o = parse();
        assertNull(o.host());
        assertTrue(o.embeddedServer());
        assertEquals(10_000, o.ops());
        assertEquals(30, o.rounds());
        assertEquals(200, o.warmup());
        assertEquals(List.of(100, 1000, 5000), o.batchSizes());
        assertEquals(100_000, o.jobRecords());
        assertEquals(1000, o.jobBatch());
        assertEquals(List.of(1, 4, 16, 64), o.threads());
        assertEquals(List.of(64, 1000), o.virtualThreads());
        assertEquals(List.of(100, 500), o.inFlight());
        assertEquals(RunOptions.ALL_CONTESTANTS, o.contestants());
        assertEquals(RunOptions.ALL_FAMILIES, o.families());
        assertTrue(o.jmh());
        assertTrue(o.out().startsWith(Path.of("bench-out")));
        assertEquals(10_000, o.span());
        assertFalse(o.serverVirtualThreads());
        assertTrue(parse("--server-threads", "virtual").serverVirtualThreads());
        assertEquals(KeyTiming.PER_OP, o.keys());
        assertEquals(KeyTiming.PREBUILT, parse("--keys", "prebuilt").keys());
        assertEquals(1, o.forks());
        assertEquals(5, parse("--forks", "5").forks());
        assertTrue(o.reconnect(), "new connections before each batch round, by default");
        assertFalse(parse("--no-reconnect").reconnect());
    }

    @Test
    void quickShrinksAndExplicitValuesWin() {
        RunOptions q = parse("--quick");
        assertTrue(q.quick());
        assertEquals(2000, q.ops());
        assertEquals(5, q.rounds());
        assertFalse(q.jmh());
        assertEquals(1, q.forks());
        assertEquals(500, q.tputMillis());
        RunOptions q2 = parse("--quick", "--ops", "777", "--jmh", "--tput-seconds", "0.25");
        assertEquals(777, q2.ops());
        assertTrue(q2.jmh());
        assertEquals(250, q2.tputMillis());
    }

    @Test
    void realServerAndLists() {
        RunOptions o = parse("--host", "db1", "--port", "3100", "--namespace", "ns", "--set", "s",
                "--contestants", "java,c,java", "--workloads", "seq", "--threads", "2,8", "--out", "x");
        assertEquals("db1", o.host());
        assertEquals(3100, o.port());
        assertEquals("ns", o.namespace());
        assertEquals(List.of("java", "c"), o.contestants());
        assertEquals(Set.of("seq"), o.families());
        assertEquals(List.of(2, 8), o.threads());
        assertEquals(Path.of("x"), o.out());
        assertTrue(o.commandLine().startsWith("asbench --host db1"));
    }

    @Test
    void badValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> parse("--contestants", "python"));
        assertThrows(IllegalArgumentException.class, () -> parse("--workloads", "everything"));
        assertThrows(IllegalArgumentException.class, () -> parse("--ops", "0"));
        assertThrows(IllegalArgumentException.class, () -> parse("--job-batch", "5", "--job-records", "2"));
        assertThrows(IllegalArgumentException.class, () -> parse("--server-threads", "green"));
        assertThrows(IllegalArgumentException.class, () -> parse("--keys", "later"));
        assertThrows(IllegalArgumentException.class, () -> parse("--server-threads", "virtual", "--host", "db1"));
        assertThrows(IllegalArgumentException.class, () -> parse("--forks", "0"));
        assertThrows(IllegalArgumentException.class, () -> parse("--forks", "4", "--rounds", "3"));
        assertThrows(IllegalArgumentException.class, () -> parse("--forks", "4", "--job-rounds", "3"));
        assertEquals(4, parse("--forks", "4", "--job-rounds", "3", "--workloads", "seq,batch").forks());
    }

    @Test
    void exitCodes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, Main.execute(new String[] {"--help"}, o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--quick"));
        assertEquals(2, Main.execute(new String[] {"--no-such-option"}, o, e));
        assertEquals(2, Main.execute(new String[] {"--ops", "many"}, o, e));
        assertEquals(2, Main.execute(new String[] {"--contestants", "python", "--out", "target/never"}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown contestant 'python'"));
        assertEquals(2, Main.execute(new String[] {"compare"}, o, e));
        assertEquals(0, Main.execute(new String[] {"report", "--help"}, o, e));
    }
}
