package io.asnative.bench.env;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuPlacementTest {

    @Test
    void parsesTheThreePlacements() {
        assertEquals(CpuPlacement.SHARED, CpuPlacement.parse("shared"));
        assertEquals(CpuPlacement.SPLIT, CpuPlacement.parse(" Split "));
        assertEquals(CpuPlacement.OS, CpuPlacement.parse("os"));
        assertThrows(IllegalArgumentException.class, () -> CpuPlacement.parse("everywhere"));
    }

    @Test
    void cpuListsPerPlacement() {
        assertEquals("0", CpuPlacement.SHARED.serverCpus(2));
        assertEquals("0", CpuPlacement.SHARED.clientCpus(2));
        assertEquals("1", CpuPlacement.SPLIT.serverCpus(2));
        assertEquals("0-0", CpuPlacement.SPLIT.clientCpus(2));
        assertEquals("3", CpuPlacement.SPLIT.serverCpus(4));
        assertEquals("0-2", CpuPlacement.SPLIT.clientCpus(4));
        assertEquals("0-3", CpuPlacement.OS.serverCpus(4));
        assertEquals("0", CpuPlacement.OS.clientCpus(1));
    }

    /** Pins a real child process and reads its affinity back from the kernel. */
    @Test
    void appliesThePlacementToAProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            String note = CpuPlacement.SHARED.apply(sleeper.pid(), List.of());
            assertTrue(note.startsWith("CPU placement shared:"), note);
            assertEquals("0", allowedCpus(sleeper.pid()));
            // Back to every CPU of the machine, also when this JVM itself is pinned to one
            // (the harness pins itself, and availableProcessors() would then say 1).
            CpuPlacement.OS.apply(sleeper.pid(), List.of());
            int cpus = CpuPlacement.onlineCpus();
            assertEquals(cpus > 1 ? "0-" + (cpus - 1) : "0", allowedCpus(sleeper.pid()));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void unpinsAgainAfterPinningThisJvm() throws Exception {
        long self = ProcessHandle.current().pid();
        String before = allowedCpus(self);
        try {
            CpuPlacement.SHARED.apply(null, List.of(self));
            assertEquals("0", allowedCpus(self));
            String note = CpuPlacement.OS.apply(null, List.of(self));
            int cpus = CpuPlacement.onlineCpus();
            assertEquals(cpus > 1 ? "0-" + (cpus - 1) : "0", allowedCpus(self), note);
        } finally {
            new ProcessBuilder("taskset", "-a", "-p", "-c", before, Long.toString(self)).start().waitFor();
        }
    }

    @Test
    void aFailureIsReportedNotThrown() {
        String note = CpuPlacement.SHARED.apply(Long.MAX_VALUE, List.of());
        assertTrue(note.contains("not applied"), note);
    }

    private static String allowedCpus(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        throw new AssertionError("no Cpus_allowed_list for " + pid);
    }
}
