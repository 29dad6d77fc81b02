package io.asnative.ffm;

import java.lang.invoke.MethodHandle;

/**
 * For the JMH benchmarks: the FFM backend's own guard on a downcall handle (the vector-state clear
 * where {@link VectorState} turns it on), so that a benchmark measures what the backend's handles
 * do, not a copy of its decision. Lives in the backend's package to reach it.
 */
public final class BackendGuard {

    private BackendGuard() {
    }

    /** {@code downcall} as the backend would wrap it in this JVM. */
    public static MethodHandle guard(MethodHandle downcall) {
        return CClient.VECTOR_STATE.guard(downcall);
    }
}
