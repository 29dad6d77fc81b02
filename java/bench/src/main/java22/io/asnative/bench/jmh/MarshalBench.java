package io.asnative.bench.jmh;

import com.aerospike.client.Bin;
import com.aerospike.client.Value;
import com.aerospike.client.command.Buffer;
import io.asnative.ffm.BackendPieces;
import io.asnative.ffm.layout.AsBin;
import io.asnative.ffm.layout.AsRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * One bin each way, per value type. Native write: the FFM backend's own code for a put's record
 * (its call arena, {@code as_record_init}, BinWriter's {@code as_record_set_*}, then
 * {@code as_record_destroy}); native read: its own reading of a C record's bin (the name through
 * BinNames, the value through RecordReader). Java: the pure-Java client's own wire
 * (de)serialisation of the same value ({@code Value.estimateSize} + {@code write},
 * {@code Buffer.bytesToParticle}), which the native path replaces with the C client's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class MarshalBench {

    private static final int PARTICLE_INTEGER = 1;
    private static final int PARTICLE_DOUBLE = 2;
    private static final int PARTICLE_STRING = 3;

    private static final MethodHandle RECORD_NEW = NativeLibs.clientCall("as_record_new",
            FunctionDescriptor.of(ADDRESS, JAVA_SHORT), true);
    private static final MethodHandle RECORD_DESTROY = NativeLibs.clientCall("as_record_destroy",
            FunctionDescriptor.ofVoid(ADDRESS), true);
    private static final MethodHandle SET_INT64 = NativeLibs.clientCall("as_record_set_int64",
            FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, ADDRESS, JAVA_LONG), true);
    private static final MethodHandle SET_DOUBLE = NativeLibs.clientCall("as_record_set_double",
            FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, ADDRESS, JAVA_DOUBLE), true);
    private static final MethodHandle SET_RAW_TYPEP = NativeLibs.clientCall("as_record_set_raw_typep",
            FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_BOOLEAN), true);

    @Param({"long", "double", "string", "bytes"})
    public String type;

    private Value value;
    private byte[] wire;
    private byte[] buffer;
    private int particle;
    private MemorySegment cRecord;
    private Bin[] bins;

    @Setup
    public void setup() throws Throwable {
        value = switch (type) {
            case "long" -> Value.get(123_456_789L);
            case "double" -> Value.get(12345.5);
            case "string" -> Value.get("user-123456789-abcdefghij");
            case "bytes" -> Value.get(new byte[100]);
            default -> throw new IllegalArgumentException(type);
        };
        particle = value.getType();
        wire = new byte[value.estimateSize()];
        value.write(wire, 0);
        buffer = new byte[256];
        bins = new Bin[] {new Bin("bin", value)};
        cRecord = ((MemorySegment) RECORD_NEW.invokeExact((short) 1)).reinterpret(AsRecord.SIZEOF);
        try (Arena a = Arena.ofConfined()) {
            setBin(a, cRecord, a.allocateFrom("bin"));
        }
    }

    @TearDown
    public void tearDown() throws Throwable {
        RECORD_DESTROY.invokeExact(cRecord);
    }

    /** The value into the record through the call BinWriter uses for its kind. */
    private boolean setBin(Arena arena, MemorySegment rec, MemorySegment name) throws Throwable {
        return switch (particle) {
            case PARTICLE_INTEGER -> (boolean) SET_INT64.invokeExact(rec, name, value.toLong());
            case PARTICLE_DOUBLE -> (boolean) SET_DOUBLE.invokeExact(rec, name, ((Number) value.getObject()).doubleValue());
            default -> {
                byte[] bytes = particle == PARTICLE_STRING
                        ? value.toString().getBytes(StandardCharsets.UTF_8) : (byte[]) value.getObject();
                MemorySegment raw = arena.allocate(bytes.length);
                MemorySegment.copy(bytes, 0, raw, JAVA_BYTE, 0, bytes.length);
                // C keeps the bytes (free = false); as_record_destroy happens before the arena closes.
                yield (boolean) SET_RAW_TYPEP.invokeExact(rec, name, raw, bytes.length, particle, false);
            }
        };
    }

    /** The backend's own code for a one-bin put record (BackendPieces.writeBins). */
    @Benchmark
    public boolean ffmWrite() {
        return BackendPieces.writeBins(bins);
    }

    /** The backend's own reading of one bin (BackendPieces.readBin): its name and its value. */
    @Benchmark
    public Object ffmRead() {
        return BackendPieces.readBin(AsBin.at(AsRecord.entries(cRecord.address()), 0));
    }

    @Benchmark
    public int javaWrite() {
        int size = value.estimateSize();
        return value.write(buffer, 0) + size;
    }

    @Benchmark
    public Object javaRead() {
        return Buffer.bytesToParticle(particle, wire, 0, wire.length);
    }
}
