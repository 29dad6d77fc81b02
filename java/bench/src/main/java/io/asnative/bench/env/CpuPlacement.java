package io.asnative.bench.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Which CPUs the benchmark's processes (this JVM, the embedded server's JVM, asbench-c) may run
 * on, set with {@code taskset -a -p} on every thread of each process.
 *
 * <p>Why it matters: on the 2-vCPU VMs this project is measured on, a request that wakes a process
 * on the other vCPU costs far more than one handled on the same vCPU (the guest halts idle vCPUs
 * without polling, {@code guest_halt_poll_ns = 0}, so each wake-up is an inter-processor interrupt
 * through the hypervisor). Measured with one client thread doing gets: about 9 us per get when
 * client and server share a vCPU, 80-90 us when they sit on different ones, and the scheduler
 * switches between the two regimes by itself in the middle of a run. Left to the OS, sequential
 * latencies therefore measure the VM's wake-ups and where the scheduler put the threads, not the
 * clients - the main reason two runs disagreed. Pinning makes the placement a stated condition.
 */
public enum CpuPlacement {
    /** Every process on CPU 0: single-connection latency measures the client and server work only. */
    SHARED,
    /** The server on the last CPU, the clients on the others: every request crosses CPUs. */
    SPLIT,
    /** No pinning: the OS decides, and may change its mind during a run. */
    OS;

    public static CpuPlacement parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown CPU placement '" + s + "' (one of shared, split, os)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The CPU list (taskset syntax) of the server and of the clients under this placement. */
    String serverCpus(int cpus) {
        return switch (this) {
            case SHARED -> "0";
            case SPLIT -> Integer.toString(cpus - 1);
            case OS -> all(cpus);
        };
    }

    String clientCpus(int cpus) {
        return switch (this) {
            case SHARED -> "0";
            case SPLIT -> cpus > 1 ? "0-" + (cpus - 2) : "0";
            case OS -> all(cpus);
        };
    }

    private static String all(int cpus) {
        return cpus > 1 ? "0-" + (cpus - 1) : "0";
    }

    /**
     * Applies this placement to the server process (or none: a remote server) and to the client
     * processes; returns a note saying what was done, or why nothing could be.
     */
    public String apply(Long serverPid, List<Long> clientPids) {
        int cpus = onlineCpus();
        if (this == SPLIT && cpus < 2) {
            return "split placement needs 2 CPUs; ran unpinned";
        }
        List<String> failures = new ArrayList<>();
        if (serverPid != null) {
            pin(serverPid, serverCpus(cpus), failures);
        }
        for (long pid : clientPids) {
            pin(pid, clientCpus(cpus), failures);
        }
        if (!failures.isEmpty()) {
            return "CPU placement " + label() + " not applied: " + String.join("; ", failures);
        }
        return "CPU placement " + label() + ": server on CPU " + (serverPid == null ? "(remote)" : serverCpus(cpus))
                + ", clients on CPU " + clientCpus(cpus);
    }

    /**
     * The machine's CPUs, from {@code /sys/devices/system/cpu/online} (e.g. "0-1"): not
     * {@code availableProcessors()}, which follows this process's own affinity and so would shrink
     * to 1 once a previous workload pinned it - and never let it go again.
     */
    static int onlineCpus() {
        try {
            String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
            int max = 0;
            for (String range : online.split(",")) {
                String last = range.substring(range.indexOf('-') + 1);
                max = Math.max(max, Integer.parseInt(last.trim()));
            }
            return max + 1;
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private static void pin(long pid, String cpuList, List<String> failures) {
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpuList, Long.toString(pid))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                failures.add("taskset on pid " + pid + ": " + output);
            }
        } catch (IOException e) {
            failures.add("taskset (util-linux) is not available: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("interrupted");
        }
    }
}
