package io.asnative.internal;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import com.aerospike.client.command.ParticleType;

/**
 * How a Java {@link Value} is handed to the C client. Numbers, booleans and nil use the C client's
 * typed setters; strings and every other particle (blob, list, map, GeoJSON, HLL) go as raw bytes
 * tagged with their particle type ({@code as_record_set_raw_typep}), which is exactly what the
 * server receives either way. Lists and maps are msgpack, packed by the Java client's own
 * {@link Value#write}, so both clients put identical bytes on the wire.
 */
public enum ValueKind {
    NIL, INT64, DOUBLE, BOOL, STRING, PARTICLE;

    public static ValueKind of(Value value) {
        int type;
        try {
            type = value.getType();
        } catch (RuntimeException e) {
            throw unsupported(value);
        }
        return switch (type) {
            case ParticleType.NULL -> NIL;
            case ParticleType.INTEGER -> INT64;
            case ParticleType.DOUBLE -> DOUBLE;
            case ParticleType.BOOL -> BOOL;
            case ParticleType.STRING -> STRING;
            case ParticleType.BLOB, ParticleType.LIST, ParticleType.MAP, ParticleType.GEOJSON, ParticleType.HLL -> PARTICLE;
            default -> throw unsupported(value);
        };
    }

    private static AerospikeException unsupported(Value value) {
        return new AerospikeException(ResultCode.PARAMETER_ERROR,
                "Unsupported value type for the native client: " + value.getClass().getSimpleName());
    }

    /** The particle bytes of a value (UTF-8 for strings, msgpack for lists and maps). */
    public static byte[] particleBytes(Value value) {
        int size = value.estimateSize();
        byte[] bytes = new byte[size];
        value.write(bytes, 0);
        return bytes;
    }
}
