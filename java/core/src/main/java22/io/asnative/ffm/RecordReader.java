package io.asnative.ffm;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import io.asnative.ffm.layout.AsBin;
import io.asnative.ffm.layout.AsRecord;
import io.asnative.ffm.layout.AsVal;
import io.asnative.ffm.layout.CMemory;
import io.asnative.internal.Records;

import java.lang.foreign.MemorySegment;
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
        return read(rec.address(), isOperation);
    }

    /** @param rec the address of an {@code as_record} (raw addresses throughout: see CMemory for why) */
    static Record read(long rec, boolean isOperation) {
        int n = AsRecord.binCount(rec);
        // Like the Java client: no bins returned -> null bins, not an empty map.
        Map<String, Object> bins = n == 0 ? null : Records.newBins(n);
        if (n > 0) {
            long entries = AsRecord.entries(rec);
            for (int i = 0; i < n; i++) {
                long bin = AsBin.at(entries, i);
                Records.addBin(bins, BinNames.of(bin), value(AsBin.valuep(bin)), isOperation);
            }
        }
        return Records.of(bins, AsRecord.gen(rec), AsRecord.ttl(rec));
    }

    static Record header(MemorySegment rec) {
        return header(rec.address());
    }

    static Record header(long rec) {
        return Records.of(null, AsRecord.gen(rec), AsRecord.ttl(rec));
    }

    /** @param val an {@code as_bin_value*}, 0 for none */
    static Object value(long val) {
        if (val == 0) {
            return null;
        }
        int type = AsVal.type(val);
        return switch (type) {
            case AsVal.AS_NIL -> null;
            case AsVal.AS_INTEGER -> AsVal.integer(val);
            case AsVal.AS_DOUBLE -> AsVal.dbl(val);
            case AsVal.AS_BOOLEAN -> AsVal.bool(val);
            case AsVal.AS_STRING -> string(val);
            case AsVal.AS_GEOJSON -> Value.getAsGeoJSON(string(val));
            case AsVal.AS_BYTES -> {
                int size = AsVal.bytesSize(val);
                byte[] bytes = size > 0 ? CMemory.bytes(AsVal.bytesValue(val), size) : new byte[0];
                yield Records.particle(AsVal.bytesType(val), bytes);
            }
            default -> throw new AerospikeException(ResultCode.PARSE_ERROR,
                    "Unexpected C value type " + type + " (is deserialize off in the policy?)");
        };
    }

    /** The string's characters: {@code len} bytes when C knows it (strings may hold NULs), else up to the NUL. */
    private static String string(long val) {
        long chars = AsVal.stringValue(val);
        long len = AsVal.stringLength(val);
        if (len == SIZE_MAX) {
            return CMemory.string(chars);
        }
        return new String(CMemory.bytes(chars, Math.toIntExact(len)), StandardCharsets.UTF_8);
    }
}
