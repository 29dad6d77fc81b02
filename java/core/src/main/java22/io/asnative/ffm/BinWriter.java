package io.asnative.ffm;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import com.aerospike.client.command.ParticleType;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.ffm.layout.AsRecord;
import io.asnative.internal.PolicyCodes;
import io.asnative.internal.ValueKind;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/**
 * Java {@link Bin}s -> bins of an {@code as_record} ({@code as_record_init} done by the caller):
 * one {@code as_record_set_*} per bin, as {@link ValueKind} prescribes. Raw values point into the
 * call's arena ({@code free=false}), so {@code as_record_destroy} frees only what C allocated.
 */
final class BinWriter {

    private BinWriter() {
    }

    static void setBins(SegmentAllocator arena, MemorySegment rec, Bin[] bins) {
        for (Bin bin : bins) {
            MemorySegment name = CStrings.name(bin.name, arena);
            Value value = bin.value;
            ValueKind kind = value == null ? ValueKind.NIL : ValueKind.of(value);
            boolean ok = switch (kind) {
                case NIL -> CClient.as_record_set_nil(rec, name);
                case INT64 -> CClient.as_record_set_int64(rec, name, value.toLong());
                case DOUBLE -> CClient.as_record_set_double(rec, name, ((Number) value.getObject()).doubleValue());
                case BOOL -> CClient.as_record_set_bool(rec, name, (Boolean) value.getObject());
                case STRING -> {
                    // UTF-8 straight from the String into native memory (no byte[] in between for
                    // ASCII text); the NUL allocateFrom adds is not part of the particle.
                    MemorySegment chars = arena.allocateFrom(value.toString());
                    yield CClient.as_record_set_raw_typep(rec, name, chars, (int) chars.byteSize() - 1, ParticleType.STRING);
                }
                case PARTICLE -> {
                    MemorySegment bytes = particle(arena, value);
                    yield CClient.as_record_set_raw_typep(rec, name, bytes, (int) bytes.byteSize(), value.getType());
                }
            };
            if (!ok) {
                throw new AerospikeException(ResultCode.PARAMETER_ERROR, "The C client refused bin '" + bin.name + "'");
            }
        }
    }

    /**
     * Fills a record initialised with {@code as_record_init}: bins, then the ttl and expected
     * generation of a put.
     */
    static void fillPutRecord(SegmentAllocator arena, MemorySegment rec, WritePolicy policy, Bin[] bins) {
        setBins(arena, rec, bins);
        AsRecord.ttl(rec, PolicyCodes.recordTtl(policy));
        AsRecord.gen(rec, PolicyCodes.recordGeneration(policy));
    }

    /** The value's particle bytes in native memory (UTF-8 for strings, msgpack for lists and maps). */
    static MemorySegment particle(SegmentAllocator arena, Value value) {
        byte[] bytes = ValueKind.particleBytes(value);
        MemorySegment segment = arena.allocate(bytes.length);
        MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return segment;
    }
}
