package io.asnative.ffm;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import io.asnative.ffm.layout.AsBin;
import io.asnative.ffm.layout.AsRecord;
import io.asnative.ffm.layout.AsVal;
import io.asnative.internal.Records;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code as_record} -> Java {@link Record}, with the Java types the pure-Java client returns for the
 * same server data: Long, Double, Boolean, String, byte[], List, Map, GeoJSONValue. Lists and maps
 * arrive as raw msgpack (the client is configured with {@code deserialize = false}) and are decoded
 * by the Java client's own unpacker.
 */
final class RecordReader {

    private static final long SIZE_MAX = -1L;

    private RecordReader() {
    }

    static Record read(MemorySegment rec, boolean isOperation) {
        int n = AsRecord.binCount(rec);
        // Like the Java client: no bins returned -> null bins, not an empty map.
        Map<String, Object> bins = n == 0 ? null : Records.newBins(n);
        if (n > 0) {
            MemorySegment entries = AsRecord.entries(rec, n);
            for (int i = 0; i < n; i++) {
                MemorySegment bin = entries.asSlice(i * AsBin.SIZEOF, AsBin.SIZEOF);
                Records.addBin(bins, BinNames.of(bin), value(AsBin.valuep(bin)), isOperation);
            }
        }
        return Records.of(bins, AsRecord.gen(rec), AsRecord.ttl(rec));
    }

    static Record header(MemorySegment rec) {
        return Records.of(null, AsRecord.gen(rec), AsRecord.ttl(rec));
    }

    static Object value(MemorySegment val) {
        if (val.address() == 0) {
            return null;
        }
        int type = AsVal.type(val);
        return switch (type) {
            case AsVal.AS_NIL -> null;
            case AsVal.AS_INTEGER -> val.get(ValueLayout.JAVA_LONG, AsVal.SCALAR_VALUE);
            case AsVal.AS_DOUBLE -> val.get(ValueLayout.JAVA_DOUBLE, AsVal.SCALAR_VALUE);
            case AsVal.AS_BOOLEAN -> val.get(ValueLayout.JAVA_BOOLEAN, AsVal.SCALAR_VALUE);
            case AsVal.AS_STRING -> new String(stringBytes(val), StandardCharsets.UTF_8);
            case AsVal.AS_GEOJSON -> Value.getAsGeoJSON(new String(stringBytes(val), StandardCharsets.UTF_8));
            case AsVal.AS_BYTES -> {
                int size = val.get(ValueLayout.JAVA_INT, AsVal.BYTES_SIZE);
                int particleType = val.get(ValueLayout.JAVA_INT, AsVal.BYTES_TYPE);
                byte[] bytes = new byte[size];
                if (size > 0) {
                    MemorySegment data = val.get(ValueLayout.ADDRESS, AsVal.BYTES_VALUE).reinterpret(size);
                    MemorySegment.copy(data, ValueLayout.JAVA_BYTE, 0, bytes, 0, size);
                }
                yield Records.particle(particleType, bytes);
            }
            default -> throw new AerospikeException(ResultCode.PARSE_ERROR,
                    "Unexpected C value type " + type + " (is deserialize off in the policy?)");
        };
    }

    /** The string's bytes: {@code len} when C knows it (strings may hold NULs), else up to the NUL. */
    private static byte[] stringBytes(MemorySegment val) {
        MemorySegment chars = val.get(ValueLayout.ADDRESS, AsVal.STRING_VALUE);
        long len = val.get(ValueLayout.JAVA_LONG, AsVal.STRING_LEN);
        if (len == SIZE_MAX) {
            return chars.reinterpret(Integer.MAX_VALUE).getString(0).getBytes(StandardCharsets.UTF_8);
        }
        return chars.reinterpret(len).toArray(ValueLayout.JAVA_BYTE);
    }
}
