package io.asnative.bench.jmh;

import io.asnative.ffm.BackendGuard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * One Java-to-C transition: an empty C function and a trivial C client function
 * ({@code as_error_string(status)}, a table look-up), through an FFM downcall (with and without
 * {@code critical(false)}) and through JNI. The seed's counterpart is its ~30-50 ns
 * {@code block_on} entry.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class TransitionBench {

    private static final MethodHandle NOOP = NativeLibs.downcall(NativeLibs.HELPER, "asbench_noop", FunctionDescriptor.ofVoid(), false);
    private static final MethodHandle NOOP_CRITICAL = NativeLibs.downcall(NativeLibs.HELPER, "asbench_noop", FunctionDescriptor.ofVoid(), true);
    private static final MethodHandle ERROR_STRING = NativeLibs.downcall(NativeLibs.CLIENT, "as_error_string",
            FunctionDescriptor.of(ADDRESS, JAVA_INT), false);
    private static final MethodHandle ERROR_STRING_CRITICAL = NativeLibs.downcall(NativeLibs.CLIENT, "as_error_string",
            FunctionDescriptor.of(ADDRESS, JAVA_INT), true);

    /**
     * The critical call wrapped as the backend wraps its handles: the vector-state clear first,
     * where {@code io.asnative.ffm.VectorState} turns it on (else the same as the plain call).
     */
    private static final MethodHandle ERROR_STRING_CLEARING_FIRST = BackendGuard.guard(ERROR_STRING_CRITICAL);

    public int status = 2;

    @Benchmark
    public int baseline() {
        return status;
    }

    @Benchmark
    public void ffmNoop() throws Throwable {
        NOOP.invokeExact();
    }

    @Benchmark
    public void ffmNoopCritical() throws Throwable {
        NOOP_CRITICAL.invokeExact();
    }

    @Benchmark
    public void jniNoop() {
        JniCalls.noop();
    }

    @Benchmark
    public MemorySegment ffmErrorString() throws Throwable {
        return (MemorySegment) ERROR_STRING.invokeExact(status);
    }

    @Benchmark
    public MemorySegment ffmErrorStringCritical() throws Throwable {
        return (MemorySegment) ERROR_STRING_CRITICAL.invokeExact(status);
    }

    @Benchmark
    public MemorySegment ffmErrorStringCriticalClearingFirst() throws Throwable {
        return (MemorySegment) ERROR_STRING_CLEARING_FIRST.invokeExact(status);
    }

    @Benchmark
    public long jniErrorString() {
        return JniCalls.errorString(status);
    }
}
