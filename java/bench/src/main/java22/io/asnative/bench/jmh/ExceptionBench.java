package io.asnative.bench.jmh;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.ResultCode;
import io.asnative.ffm.layout.AsError;
import io.asnative.internal.CStatus;
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
import java.util.concurrent.TimeUnit;

/**
 * An error: the native path reads the C client's {@code as_error} (code, message at offset 4 in
 * 7.4.0, in_doubt) and maps it to the {@code AerospikeException} the Java client would throw
 * ({@code CStatus.toException}); the Java client builds its exception directly. Only failed calls
 * pay this; a missing record on get is a null, not an exception, on both paths.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class ExceptionBench {

    private static final long MESSAGE_740 = 4;

    private Arena arena;
    private MemorySegment err;

    @Setup
    public void setup() {
        arena = Arena.ofConfined();
        err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
        err.set(java.lang.foreign.ValueLayout.JAVA_INT, AsError.CODE, 9);
        err.setString(MESSAGE_740, "Timeout: iterations=1 lastNode=BB9000000000A1F 127.0.0.1:3000");
    }

    @TearDown
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public AerospikeException nativeMapping() {
        int code = err.get(java.lang.foreign.ValueLayout.JAVA_INT, AsError.CODE);
        String message = err.getString(MESSAGE_740);
        boolean inDoubt = err.get(java.lang.foreign.ValueLayout.JAVA_BOOLEAN, AsError.IN_DOUBT);
        return CStatus.toException(code, message, inDoubt);
    }

    @Benchmark
    public AerospikeException javaException() {
        return new AerospikeException.Timeout(new com.aerospike.client.policy.Policy(), true);
    }

    @Benchmark
    public AerospikeException plainException() {
        return new AerospikeException(ResultCode.TIMEOUT, "Timeout: iterations=1");
    }
}
