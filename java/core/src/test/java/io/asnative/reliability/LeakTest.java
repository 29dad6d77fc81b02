package io.asnative.reliability;

import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Native memory stays flat over many mixed operations, failing ones included (not found,
 * create-only conflicts, generation errors, bad bin names refused before the downcall, an unknown
 * namespace, batch reads with missing keys, batch writes and deletes, list/map values, 64 KB blobs).
 *
 * <p>The operations run in a JVM forked for the purpose ({@link LeakWorkload}), so the figures
 * belong to the client alone: the server stays in this JVM (or is a real one), and the child has a
 * fixed, pre-touched heap and Native Memory Tracking on. After a warm-up the child reports its
 * VmRSS and NMT totals; the growth from there to the end must stay under the bounds below.
 *
 * <p>Sizes: {@code -Dasnative.reliability.leakOps} (CI 100,000; full 1,000,000) after
 * {@code -Dasnative.reliability.leakWarmup} (CI 50,000; full 100,000).
 */
@ExtendWith(AerospikeServerExtension.class)
class LeakTest {

    /**
     * RSS growth allowed after the warm-up. A leak of 100 bytes per operation (a forgotten
     * {@code as_record}, a key string, an error struct) is 10 MB over the CI's 100,000 operations
     * and 100 MB over the full 1,000,000; 6 MB leaves room for what legitimately still grows after
     * a warm-up (JIT code, malloc arena fragmentation, about 2 MB measured) and still catches a
     * leak of 60 bytes per operation in CI and 6 bytes per operation at full size.
     */
    static final long RSS_BOUND_KB = 6 * 1024;
    /**
     * Growth allowed in NMT's "Other" category, where FFM arenas ({@code Arena.ofConfined}, i.e.
     * {@code Unsafe.allocateMemory}) and direct buffers are counted: every call frees its arena, so
     * this must stay flat; 1 MB catches an arena kept alive for one in 100 operations in CI.
     */
    static final long NMT_OTHER_BOUND_KB = 1024;

    private static final Pattern SAMPLE = Pattern.compile(
            "SAMPLE ops=(\\d+) rssKb=(-?\\d+) nmtCommittedKb=(-?\\d+) nmtOtherKb=(-?\\d+)");

    record Sample(long ops, long rssKb, long nmtCommittedKb, long nmtOtherKb) {
    }

    @Test
    void nativeMemoryIsFlatOverManyMixedOperations(TestServer server) throws Exception {
        long ops = Reliability.size("leakOps", 100_000, 1_000_000);
        long warmup = Reliability.size("leakWarmup", 50_000, 100_000);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.add("-XX:NativeMemoryTracking=summary");
        command.add("-Xms64m");
        command.add("-Xmx64m");
        command.add("-XX:+AlwaysPreTouch");
        command.add("-XX:+UseSerialGC");
        Properties props = System.getProperties();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith("asnative.") && !name.startsWith("asnative.reliability.") && !name.equals("asnative.server")) {
                command.add("-D" + name + "=" + props.getProperty(name));
            }
        }
        String inject = System.getProperty("asnative.reliability.leakInject");
        if (inject != null) {
            command.add("-Dasnative.reliability.leakInject=" + inject); // the bounds' own check, by hand
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LeakWorkload.class.getName());
        command.add(server.host());
        command.add(Integer.toString(server.port()));
        command.add(server.namespace());
        command.add(Long.toString(ops));
        command.add(Long.toString(warmup));

        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Sample> samples = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        String backend = "?";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                output.append(line).append('\n');
                Matcher m = SAMPLE.matcher(line);
                if (m.find()) {
                    samples.add(new Sample(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
                } else if (line.startsWith("BACKEND ")) {
                    backend = line.substring(8);
                }
            }
        } finally {
            if (!child.waitFor(5, TimeUnit.MINUTES)) {
                child.destroyForcibly();
                fail("the workload did not finish:\n" + output);
            }
        }
        assertEquals(0, child.exitValue(), () -> "the workload failed (status 2: a wrong answer or an undocumented"
                + " exception; other: a crash):\n" + output);
        assertTrue(output.toString().contains("DONE"), output::toString);
        assertTrue(samples.size() >= 11, output::toString);

        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        long rssGrowth = last.rssKb - first.rssKb;
        String report = String.format("leak check, %s: %,d ops after %,d warm-up: VmRSS %,d -> %,d KB (%+,d KB, %.2f bytes/op),"
                        + " NMT committed %,d -> %,d KB, NMT Other %,d -> %,d KB%n%s",
                backend, ops, warmup, first.rssKb, last.rssKb, rssGrowth, rssGrowth * 1024.0 / ops,
                first.nmtCommittedKb, last.nmtCommittedKb, first.nmtOtherKb, last.nmtOtherKb, samples);
        System.out.println(report);

        assertTrue(first.rssKb > 0, "VmRSS was read");
        assertTrue(rssGrowth < RSS_BOUND_KB, () -> "VmRSS grew by more than " + RSS_BOUND_KB + " KB: " + report);
        if (first.nmtOtherKb >= 0) {
            long otherGrowth = last.nmtOtherKb - first.nmtOtherKb;
            assertTrue(otherGrowth < NMT_OTHER_BOUND_KB, () -> "NMT Other grew by more than " + NMT_OTHER_BOUND_KB + " KB: " + report);
        }
    }
}
