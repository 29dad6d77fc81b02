package io.asnative.bench.jmh;

import com.aerospike.client.Key;
import io.asnative.ffm.BackendPieces;
import io.asnative.ffm.layout.AsKey;
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
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A key: the Java client's {@code new Key(ns, set, long)} (RIPEMD-160 digest in Java) against the
 * C client's {@code as_key_init_int64} (+ {@code as_key_digest}, the digest in C) on a reused
 * struct, through FFM and JNI; and the whole per-call marshalling the FFM backend does for a key
 * (its own code: call arena, interned names, init, the Java digest copied in). A C caller pays
 * C's digest inside the command; the FFM backend hands C the digest the Java {@code Key} holds.
 * The C functions are called as the backend calls them (NativeLibs.clientCall).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class KeyBench {

    private static final MethodHandle KEY_INIT = NativeLibs.clientCall("as_key_init_int64",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG), true);
    private static final MethodHandle KEY_DIGEST = NativeLibs.clientCall("as_key_digest",
            FunctionDescriptor.of(ADDRESS, ADDRESS), true);

    public String namespace = "test";
    public String set = "bench";
    public long value = 123_456;

    private Arena arena;
    private MemorySegment key;
    private MemorySegment ns;
    private MemorySegment setName;
    private Arena shared;
    private MemorySegment sharedKey;
    private MemorySegment sharedNs;
    private MemorySegment sharedSet;
    private Key prebuiltKey;

    /** Thread-scoped state: set up on the benchmark thread, so a confined arena works. */
    @Setup
    public void setup() {
        arena = Arena.ofConfined();
        key = arena.allocate(AsKey.SIZEOF, AsKey.ALIGN);
        ns = arena.allocateFrom(namespace);
        setName = arena.allocateFrom(set);
        shared = Arena.ofShared();
        sharedKey = shared.allocate(AsKey.SIZEOF, AsKey.ALIGN);
        sharedNs = shared.allocateFrom(namespace);
        sharedSet = shared.allocateFrom(set);
        prebuiltKey = new Key(namespace, set, value);
    }

    @TearDown
    public void tearDown() {
        arena.close();
        shared.close();
    }

    @Benchmark
    public Key javaKey() {
        return new Key(namespace, set, value);
    }

    @Benchmark
    public MemorySegment ffmKeyInit() throws Throwable {
        return (MemorySegment) KEY_INIT.invokeExact(key, ns, setName, value);
    }

    /** The same call with segments of a shared arena: each argument's session is acquired and released. */
    @Benchmark
    public MemorySegment ffmKeyInitSharedArena() throws Throwable {
        return (MemorySegment) KEY_INIT.invokeExact(sharedKey, sharedNs, sharedSet, value);
    }

    @Benchmark
    public MemorySegment ffmKeyInitDigest() throws Throwable {
        var k = (MemorySegment) KEY_INIT.invokeExact(key, ns, setName, value);
        return (MemorySegment) KEY_DIGEST.invokeExact(k);
    }

    @Benchmark
    public long jniKeyInitDigest() {
        long k = JniCalls.keyInitInt64(key.address(), ns.address(), setName.address(), value);
        return JniCalls.keyDigest(k);
    }

    /** What the FFM backend does per single-record call for a key: its call arena and KeyWriter. */
    @Benchmark
    public long ffmKeyMarshal() {
        return BackendPieces.marshalKey(prebuiltKey);
    }
}
