package io.asnative.ffm;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Operation;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import com.aerospike.client.command.ParticleType;
import io.asnative.ffm.layout.AsOperations;
import io.asnative.ffm.layout.AsVal;
import io.asnative.internal.ValueKind;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/**
 * Java {@link Operation}s -> {@code as_operations} ({@code as_operations_init} done by the caller),
 * one {@code as_operations_add_*} each. Writes of strings, blobs, lists and maps wrap the particle
 * bytes in a heap {@code as_bytes} tagged with the particle type; {@code as_operations_destroy}
 * frees that wrapper, the bytes stay in the call's arena.
 */
final class OperationWriter {

    private OperationWriter() {
    }

    /**
     * Fills operations initialised with {@code as_operations_init}: the operations, then the ttl and
     * expected generation (see {@link io.asnative.internal.PolicyCodes#recordTtl}).
     */
    static void fill(SegmentAllocator arena, MemorySegment ops, Operation[] operations, int ttl, int generation) {
        add(arena, ops, operations);
        AsOperations.ttl(ops, ttl);
        AsOperations.gen(ops, generation);
    }

    static void add(SegmentAllocator arena, MemorySegment ops, Operation[] operations) {
        for (Operation op : operations) {
            if (!add(arena, ops, op)) {
                throw new AerospikeException(ResultCode.PARAMETER_ERROR, "The C client refused operation " + op.type);
            }
        }
    }

    private static boolean add(SegmentAllocator arena, MemorySegment ops, Operation op) {
        return switch (op.type) {
            case READ -> op.binName == null
                    ? CClient.as_operations_add_read_all(ops)
                    : CClient.as_operations_add_read(ops, CStrings.name(op.binName, arena));
            // The C client always returns generation and ttl with an operate reply.
            case READ_HEADER -> true;
            case WRITE -> write(arena, ops, CStrings.name(op.binName, arena), op.value);
            case ADD -> op.value.getType() == ParticleType.DOUBLE
                    ? CClient.as_operations_add_incr_double(ops, CStrings.name(op.binName, arena), ((Number) op.value.getObject()).doubleValue())
                    : CClient.as_operations_add_incr(ops, CStrings.name(op.binName, arena), op.value.toLong());
            case APPEND -> CClient.as_operations_add_append_strp(ops, CStrings.name(op.binName, arena), arena.allocateFrom(op.value.toString()));
            case PREPEND -> CClient.as_operations_add_prepend_strp(ops, CStrings.name(op.binName, arena), arena.allocateFrom(op.value.toString()));
            case TOUCH -> CClient.as_operations_add_touch(ops);
            case DELETE -> CClient.as_operations_add_delete(ops);
            default -> throw new UnsupportedOperationException("Operation type " + op.type + " is not supported");
        };
    }

    private static boolean write(SegmentAllocator arena, MemorySegment ops, MemorySegment name, Value value) {
        ValueKind kind = value == null ? ValueKind.NIL : ValueKind.of(value);
        return switch (kind) {
            case NIL -> CClient.as_operations_add_write(ops, name, CClient.asNil());
            case INT64 -> CClient.as_operations_add_write_int64(ops, name, value.toLong());
            case DOUBLE -> CClient.as_operations_add_write_double(ops, name, ((Number) value.getObject()).doubleValue());
            case BOOL -> CClient.as_operations_add_write_bool(ops, name, (Boolean) value.getObject());
            case STRING, PARTICLE -> {
                MemorySegment bytes = BinWriter.particle(arena, value);
                MemorySegment wrapped = CClient.as_bytes_new_wrap(bytes, (int) bytes.byteSize()).reinterpret(AsVal.MAX_SIZEOF);
                wrapped.set(ValueLayout.JAVA_INT, AsVal.BYTES_TYPE, value.getType());
                yield CClient.as_operations_add_write(ops, name, wrapped);
            }
        };
    }
}
