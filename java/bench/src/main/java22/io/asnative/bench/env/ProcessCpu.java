package io.asnative.bench.env;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * CPU time of this process (all threads) and of the calling thread: the Java 22+ version, which
 * reads {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)} through FFM in nanoseconds
 * ({@code getProcessCpuTime()} counts 10 ms ticks on Linux, too coarse for one round). Falls back
 * to the MXBean when native access is not granted.
 */
public final class ProcessCpu {

    private static final int CLOCK_PROCESS_CPUTIME_ID = 2;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MethodHandle CLOCK_GETTIME = clockGettime();

    private ProcessCpu() {
    }

    private static MethodHandle clockGettime() {
        try {
            if (!ProcessCpu.class.getModule().isNativeAccessEnabled()) {
                return null;
            }
            Linker linker = Linker.nativeLinker();
            return linker.downcallHandle(linker.defaultLookup().find("clock_gettime").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static long processNanos() {
        if (CLOCK_GETTIME == null) {
            return OS.getProcessCpuTime();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ts = arena.allocate(16, 8);
            int rc = (int) CLOCK_GETTIME.invokeExact(CLOCK_PROCESS_CPUTIME_ID, ts);
            if (rc != 0) {
                return OS.getProcessCpuTime();
            }
            return ts.get(JAVA_LONG, 0) * 1_000_000_000L + ts.get(JAVA_LONG, 8);
        } catch (Throwable t) {
            return OS.getProcessCpuTime();
        }
    }

    /** The calling thread's CPU time in ns, or -1 when the JVM cannot tell. */
    public static long threadNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    public static String resolution() {
        return CLOCK_GETTIME == null
                ? "OperatingSystemMXBean.getProcessCpuTime (10 ms ticks on Linux)"
                : "clock_gettime(CLOCK_PROCESS_CPUTIME_ID) through FFM (ns)";
    }
}
