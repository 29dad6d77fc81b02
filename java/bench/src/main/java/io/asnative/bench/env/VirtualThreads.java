package io.asnative.bench.env;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;

/** Virtual threads (Java 21+) from code compiled for Java 17: one method handle, looked up once. */
public final class VirtualThreads {

    private static final MethodHandle NEW_EXECUTOR = lookup();

    private VirtualThreads() {
    }

    private static MethodHandle lookup() {
        try {
            return MethodHandles.publicLookup().findStatic(java.util.concurrent.Executors.class,
                    "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    public static boolean available() {
        return NEW_EXECUTOR != null;
    }

    /** A new executor that starts one virtual thread per task. */
    public static ExecutorService newExecutor() {
        if (NEW_EXECUTOR == null) {
            throw new UnsupportedOperationException("virtual threads need Java 21+ (this is Java "
                    + Runtime.version().feature() + ")");
        }
        try {
            return (ExecutorService) NEW_EXECUTOR.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Carrier threads of the default scheduler (what a pinned virtual thread holds). */
    public static int carriers() {
        String p = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        return p != null ? Integer.parseInt(p) : Runtime.getRuntime().availableProcessors();
    }
}
