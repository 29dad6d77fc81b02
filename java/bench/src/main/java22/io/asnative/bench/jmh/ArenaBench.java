package io.asnative.bench.jmh;

import io.asnative.ffm.layout.AsError;
import io.asnative.ffm.layout.AsKey;
import io.asnative.ffm.layout.AsRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;

/**
 * The native memory of one call. The FFM backend opens a confined arena per call and allocates
 * an {@code as_error} (1,056 bytes, zeroed by FFM), an {@code as_key}, the record or an out
 * pointer, and the name strings. Measured: an empty arena, the allocations of a put and of a get,
 * and the alternative of segments allocated once per thread and reused (the "arena reuse"
 * optimisation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class ArenaBench {

    public String namespace = "test";
    public String set = "bench";

    private Arena perThread;
    private MemorySegment reusedErr;
    private MemorySegment reusedKey;
    private MemorySegment reusedRecord;

    @Setup
    public void setup() {
        perThread = Arena.ofConfined();
        reusedErr = perThread.allocate(AsError.SIZEOF, AsError.ALIGN);
        reusedKey = perThread.allocate(AsKey.SIZEOF, AsKey.ALIGN);
        reusedRecord = perThread.allocate(AsRecord.SIZEOF, AsRecord.ALIGN);
    }

    @TearDown
    public void tearDown() {
        perThread.close();
    }

    @Benchmark
    public long emptyConfinedArena() {
        try (Arena arena = Arena.ofConfined()) {
            return arena.hashCode();
        }
    }

    /** A put's: error, key, record, namespace, set and three bin names. */
    @Benchmark
    public long putAllocations() {
        try (Arena arena = Arena.ofConfined()) {
            long sum = arena.allocate(AsError.SIZEOF, AsError.ALIGN).address();
            sum += arena.allocate(AsKey.SIZEOF, AsKey.ALIGN).address();
            sum += arena.allocate(AsRecord.SIZEOF, AsRecord.ALIGN).address();
            sum += arena.allocateFrom(namespace).address() + arena.allocateFrom(set).address();
            sum += arena.allocateFrom("name").address() + arena.allocateFrom("age").address() + arena.allocateFrom("score").address();
            return sum;
        }
    }

    /** A get's: error, key, out pointer, namespace and set. */
    @Benchmark
    public long getAllocations() {
        try (Arena arena = Arena.ofConfined()) {
            long sum = arena.allocate(AsError.SIZEOF, AsError.ALIGN).address();
            sum += arena.allocate(AsKey.SIZEOF, AsKey.ALIGN).address();
            sum += arena.allocate(ValueLayout.ADDRESS).address();
            sum += arena.allocateFrom(namespace).address() + arena.allocateFrom(set).address();
            return sum;
        }
    }

    /** The same memory reused per thread: only the strings are written again. */
    @Benchmark
    public long reusedPerThread() {
        reusedKey.setString(1, namespace);
        reusedKey.setString(33, set);
        return reusedErr.address() + reusedRecord.address() + reusedKey.address();
    }
}
