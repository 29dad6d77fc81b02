package io.asnative.bench;

import io.asnative.bench.report.Results;
import io.asnative.bench.report.Results.ContestantInfo;
import io.asnative.bench.report.Results.Figure;
import io.asnative.bench.report.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny --quick run against the embedded server (a separate JVM, as always): every available
 * contestant must appear in a well-formed results.json with figures for what it supports, and the
 * report and charts must be written. No timing is asserted.
 */
class QuickRunTest {

    @Test
    void quickRunWritesWellFormedResults(@TempDir Path out) throws Exception {
        String log = asbench("--quick", "--out", out.toString(), "--ops", "300", "--rounds", "2",
                "--warmup", "20", "--batch-sizes", "100,1000", "--job-records", "2000", "--job-rounds", "1",
                "--threads", "1,4", "--virtual-threads", "16", "--in-flight", "50", "--tput-seconds", "0.2",
                "--jit-warmup", "100", "--rtt-micros", "200", "--no-jmh");

        Results r = ResultsJson.read(out.resolve("results.json"));
        assertEquals(Results.SCHEMA, r.schema());
        assertNotNull(r.machine().get("nproc"));
        assertNotNull(r.jdk().get("version"));
        // Surefire starts this JVM with the bench module's argLine: the report must carry it.
        assertTrue(r.jdk().getOrDefault("jvmOptions", "").contains("--enable-native-access=ALL-UNNAMED"), r.jdk().toString());
        // ... and it compiles in the background (no -Xbatch), which the report must say and warn about.
        assertEquals("in the background", r.jdk().get("jitCompilation"), r.jdk().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("the JIT compiled in the background")), r.notes().toString());
        assertTrue(r.versions().get("javaClient").contains("9.2.0"));
        assertEquals(RunOptions.ALL_CONTESTANTS, r.contestants().stream().map(ContestantInfo::name).sorted(
                (a, b) -> RunOptions.ALL_CONTESTANTS.indexOf(a) - RunOptions.ALL_CONTESTANTS.indexOf(b)).toList());

        ContestantInfo java = r.contestants().stream().filter(c -> c.name().equals("java")).findFirst().orElseThrow();
        assertTrue(java.available(), log);
        for (ContestantInfo c : r.contestants()) {
            if (!c.available()) {
                assertFalse(c.reason() == null || c.reason().isBlank(), c.name() + " unavailable without a reason");
                assertTrue(r.figures().stream().noneMatch(f -> f.contestant().equals(c.name())));
                continue;
            }
            List<Figure> mine = r.figures().stream().filter(f -> f.contestant().equals(c.name())).toList();
            assertFalse(mine.isEmpty(), c.name() + " ran but has no figures:\n" + log);
            boolean async = c.name().endsWith("-async");
            for (Figure f : mine) {
                boolean tput = f.kind().equals("THROUGHPUT");
                assertEquals(tput || f.workload().equals("batch-job") ? 1 : 2, f.rounds(), c.name() + " " + f.workload());
                assertNotNull(f.cpuNsPerOp(), c.name() + " " + f.workload());
                assertNotNull(f.throughputPerSec());
                if (!tput) {
                    assertNotNull(f.avgNs());
                    assertNotNull(f.p50Ns());
                    assertTrue(f.p50Ns() <= f.p99Ns() && f.p99Ns() <= f.p999Ns());
                }
            }
            if (!async) {
                for (String w : List.of("put", "get", "batch-get-100", "batch-get-1000", "batch-job", "tput-platform-1", "tput-platform-4")) {
                    assertNotNull(r.figure(c.name(), w), c.name() + " has no " + w);
                }
            }
        }
        // The embedded server's heap is collected before the first and after every timed round of
        // each latency workload, and none of its own collections fell inside a round.
        long expectedCollections = r.figures().stream().filter(f -> !f.kind().equals("THROUGHPUT"))
                .collect(Collectors.toMap(Figure::workload, f -> f.rounds() + 1, (a, b) -> a))
                .values().stream().mapToLong(Integer::longValue).sum();
        String gcNote = r.notes().stream().filter(n -> n.startsWith("embedded server heap collected")).findFirst()
                .orElseThrow(() -> new AssertionError("no note on the server's collections: " + r.notes()));
        assertTrue(gcNote.contains("(untimed; " + expectedCollections + " times"), gcNote);
        assertTrue(gcNote.endsWith("server collections inside timed rounds: 0"), gcNote);
        // Every latency workload's warm-up was repeated until the JIT settled (or the cap), and says so.
        String jitNote = r.notes().stream().filter(n -> n.startsWith("warm-up passes until")).findFirst()
                .orElseThrow(() -> new AssertionError("no note on the warm-up passes: " + r.notes()));
        for (String w : r.figures().stream().filter(f -> !f.kind().equals("THROUGHPUT")).map(Figure::workload).distinct().toList()) {
            assertTrue(Pattern.compile("[:,] " + w + " [1-" + Harness.MAX_SETTLE_PASSES + "]\\b").matcher(jitNote).find(),
                    w + " missing from: " + jitNote);
        }
        // Every sync JVM client runs the virtual-thread workloads: that a native call pins its
        // carrier is measured for both bindings, not assumed for one of them.
        for (ContestantInfo c : r.contestants()) {
            if (c.available() && List.of("java", "ffm", "jni").contains(c.name())) {
                assertNotNull(r.figure(c.name(), "tput-virtual-16"), c.name() + " has no tput-virtual-16");
                assertNotNull(r.figure(c.name(), "rtt-virtual-16"), c.name() + " has no rtt-virtual-16");
            }
        }
        assertNotNull(r.figure("c", "rtt-platform-16"));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("## Sync gap"));
        for (String chart : List.of("latency.png", "batch.png", "throughput.png", "concurrency.png")) {
            assertTrue(Files.size(out.resolve(chart)) > 1000, chart);
        }
    }

    /**
     * {@code --keys prebuilt}: the keys (and, in the C program, their digests) are made before the
     * timed loops. Every contestant must still find every record: a wrong precomputed digest in
     * the C program, or a key array out of step with the loop, shows up as not-found errors.
     */
    @Test
    void prebuiltKeysFindEveryRecord(@TempDir Path out) throws Exception {
        String log = asbench("--quick", "--out", out.toString(), "--ops", "300", "--rounds", "2",
                "--warmup", "20", "--batch-sizes", "100,1000", "--workloads", "seq,batch", "--contestants", "java,ffm,jni,c",
                "--jit-warmup", "100", "--keys", "prebuilt", "--no-jmh");

        Results r = ResultsJson.read(out.resolve("results.json"));
        assertTrue(String.valueOf(r.config().get("keys")).startsWith("built before the timed loop"), r.config().toString());
        assertEquals(1000, ((Number) r.config().get("keySpan")).intValue(), "keys 0..999: the largest batch, over --ops 300");
        assertTrue(String.valueOf(r.config().get("serverJvmOptions")).contains("-XX:+UseSerialGC"), r.config().toString());
        for (String name : List.of("java", "c")) {
            for (String w : List.of("put", "get", "batch-get-100", "batch-get-1000")) {
                Figure f = r.figure(name, w);
                assertNotNull(f, name + " has no " + w + "\n" + log);
                assertEquals(0, f.errors(), name + " " + w + ": records not found with prebuilt keys\n" + log);
            }
        }
        for (Figure f : r.figures()) {
            assertEquals(0, f.errors(), f.contestant() + " " + f.workload() + "\n" + log);
        }
    }

    /**
     * {@code --forks 2}: the latency rounds are split between two server processes, every
     * contestant reconnecting to the second, and every round is still there, error-free. The async
     * contestants open in the last fork only, after the first fork's native clients are closed (the
     * C client's event loops must come first): their figures show that order holds.
     */
    @Test
    void forksSpreadTheRoundsOverServerProcesses(@TempDir Path out) throws Exception {
        String log = asbench("--quick", "--forks", "2", "--out", out.toString(), "--ops", "300",
                "--rounds", "3", "--warmup", "20", "--batch-sizes", "100", "--job-records", "2000", "--job-rounds", "2",
                "--workloads", "seq,batch,job,tput", "--contestants", "java,ffm,c,ffm-async", "--threads", "2",
                "--virtual-threads", "8", "--in-flight", "20", "--tput-seconds", "0.2", "--jit-warmup", "100", "--no-jmh");

        Results r = ResultsJson.read(out.resolve("results.json"));
        assertEquals(2.0, ((Number) r.config().get("forks")).doubleValue(), r.config().toString());
        assertTrue(Files.size(out.resolve("server-2.log")) > 0, "no second server process");
        assertEquals(2, Pattern.compile("embedded server \\(separate JVM, pid \\d+\\)").matcher(log).results().count(), log);
        String forkNote = r.notes().stream().filter(n -> n.contains("ran in 2 forks")).findFirst()
                .orElseThrow(() -> new AssertionError("no note on the forks: " + r.notes()));
        assertTrue(forkNote.contains("put 1/2") && forkNote.contains("batch-job 1/1"), forkNote);
        for (String name : List.of("java", "ffm", "c")) {
            for (String w : List.of("put", "get", "batch-get-100", "batch-job")) {
                Figure f = r.figure(name, w);
                assertNotNull(f, name + " has no " + w + "\n" + log);
                assertEquals(w.equals("batch-job") ? 2 : 3, f.rounds(), name + " " + w);
            }
        }
        assertNotNull(r.figure("ffm-async", "tput-async-20"), log);
        assertTrue(r.contestants().stream().allMatch(ContestantInfo::available), r.contestants().toString());
        for (Figure f : r.figures()) {
            assertEquals(0, f.errors(), f.contestant() + " " + f.workload() + "\n" + log);
        }
    }

    /**
     * {@code --reconnect}: before each of its batch-get rounds of 1,000 keys and more and each
     * batch-job round, every contestant - the Java client, both native backends and the C program
     * - closes its client and opens a new one. The embedded server must have accepted new
     * connections for it (at least one per reconnect), every round must still be there and
     * error-free, and the other workloads (put, get, batch-get-100) must not reconnect.
     */
    @Test
    void reconnectOpensNewConnectionsBeforeEveryBatchRound(@TempDir Path out) throws Exception {
        String log = asbench("--quick", "--reconnect", "--out", out.toString(), "--ops", "300",
                "--rounds", "3", "--warmup", "20", "--batch-sizes", "100,1000", "--job-records", "2000", "--job-rounds", "2",
                "--workloads", "seq,batch,job", "--contestants", "java,ffm,jni,c", "--jit-warmup", "100", "--no-jmh");

        Results r = ResultsJson.read(out.resolve("results.json"));
        assertEquals(Boolean.TRUE, r.config().get("reconnect"), r.config().toString());
        List<String> ran = r.contestants().stream().filter(ContestantInfo::available).map(ContestantInfo::name).toList();
        assertTrue(ran.containsAll(List.of("java", "ffm", "c")), ran.toString());
        int expected = ran.size() * (3 + 2); // batch-get-1000: 3 rounds; the job: 2; not batch-get-100
        String note = r.notes().stream().filter(n -> n.startsWith("--reconnect:")).findFirst()
                .orElseThrow(() -> new AssertionError("no note on the reconnects: " + r.notes()));
        java.util.regex.Matcher m = Pattern.compile("batch-job, (\\d+) times; the embedded server accepted (\\d+) connections").matcher(note);
        assertTrue(m.find(), note);
        assertEquals(expected, Integer.parseInt(m.group(1)), note);
        assertTrue(Long.parseLong(m.group(2)) >= expected, "fewer new connections than reconnects: " + note);
        for (String name : ran) {
            for (String w : List.of("put", "get", "batch-get-100", "batch-get-1000", "batch-job")) {
                Figure f = r.figure(name, w);
                assertNotNull(f, name + " has no " + w + "\n" + log);
                assertEquals(w.equals("batch-job") ? 2 : 3, f.rounds(), name + " " + w);
                assertEquals(0, f.errors(), name + " " + w + "\n" + log);
            }
        }
    }
    /**
     * {@code --client-jvms}: java, ffm and jni each run in a JVM of their own, a new one per fork,
     * next to the C program. Every round must be there and error-free with its thread CPU (measured
     * in the child and passed over the protocol), the note must name a different process per
     * contestant and fork - none of them this JVM - and every one of them must be gone after the run.
     */
    @Test
    void clientJvmsRunEachJvmContestantInAJvmOfItsOwnPerFork(@TempDir Path out) throws Exception {
        String log = asbench("--quick", "--client-jvms", "--forks", "2", "--out", out.toString(), "--ops", "300",
                "--rounds", "2", "--warmup", "20", "--batch-sizes", "100", "--job-records", "2000", "--job-rounds", "2",
                "--workloads", "seq,batch,job", "--contestants", "java,ffm,jni,c", "--jit-warmup", "100", "--no-jmh");

        Results r = ResultsJson.read(out.resolve("results.json"));
        assertEquals(Boolean.TRUE, r.config().get("clientJvms"), r.config().toString());
        List<String> jvmContestants = r.contestants().stream().filter(ContestantInfo::available).map(ContestantInfo::name)
                .filter(n -> !n.equals("c")).toList();
        assertTrue(jvmContestants.containsAll(List.of("java", "ffm")), jvmContestants.toString());
        String note = r.notes().stream().filter(n -> n.startsWith("--client-jvms:")).findFirst()
                .orElseThrow(() -> new AssertionError("no note on the client JVMs: " + r.notes()));
        java.util.Map<String, Long> pids = new java.util.HashMap<>();
        java.util.regex.Matcher m = Pattern.compile("fork (\\d) (\\w+) pid (\\d+)").matcher(note);
        while (m.find()) {
            pids.put(m.group(1) + " " + m.group(2), Long.parseLong(m.group(3)));
        }
        assertEquals(2 * jvmContestants.size(), pids.size(), note);
        assertEquals(pids.size(), new java.util.HashSet<>(pids.values()).size(), "a JVM served twice: " + note);
        for (long pid : pids.values()) {
            assertTrue(pid != ProcessHandle.current().pid(), note);
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "still running after the run: " + pid);
        }
        for (String name : jvmContestants) {
            assertTrue(Files.exists(out.resolve(name + "-jvm.log")), name + ": no log of its JVM");
            for (String w : List.of("put", "get", "batch-get-100", "batch-job")) {
                Figure f = r.figure(name, w);
                assertNotNull(f, name + " has no " + w + "\n" + log);
                assertEquals(2, f.rounds(), name + " " + w);
                assertEquals(0, f.errors(), name + " " + w + "\n" + log);
                assertNotNull(f.threadCpuNsPerOp(), name + " " + w);
                assertTrue(f.threadCpuNsPerOp() > 0, name + " " + w + ": no thread CPU from its JVM");
            }
        }
        assertNotNull(r.figure("c", "put"), log);
    }
    /** Runs asbench with {@code args}; fails the test unless it exits 0; returns what it wrote to stderr. */
    private static String asbench(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, log);
        return log;
    }
}
