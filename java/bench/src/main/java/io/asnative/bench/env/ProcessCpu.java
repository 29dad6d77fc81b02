package io.asnative.bench.env;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of this process (all threads: callers, GC, JIT, the clients' own threads) and of the
 * calling thread.
 *
 * <p>This Java 17 version reads {@code OperatingSystemMXBean.getProcessCpuTime()}, which HotSpot on
 * Linux counts in 10 ms ticks; the Java 22+ version of this class (the jar's
 * {@code META-INF/versions/22}) reads {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)} through FFM,
 * in nanoseconds. {@link #resolution()} says which one runs.
 */
public final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ProcessCpu() {
    }

    public static long processNanos() {
        return OS.getProcessCpuTime();
    }

    /** The calling thread's CPU time in ns, or -1 when the JVM cannot tell. */
    public static long threadNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    public static String resolution() {
        return "OperatingSystemMXBean.getProcessCpuTime (10 ms ticks on Linux)";
    }
}
