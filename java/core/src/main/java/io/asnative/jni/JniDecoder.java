package io.asnative.jni;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import io.asnative.internal.CStatus;
import io.asnative.internal.Records;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads what the C glue wrote into a thread's result buffer ({@link JniBuffers#out}):
 *
 * <pre>
 * error  = i32 status, u8 in_doubt, 3 pad, i32 length, message bytes
 * record = i32 gen, i32 ttl, i32 bin count, then per bin: u8 name length, name, u8 OUT_*, payload
 * batch  = i32 count, then per record: i32 result, u8 in_doubt, u8 has record, 2 pad, [record]
 * </pre>
 *
 * The values become exactly what {@link Records} (shared with the FFM backend) makes of the same C
 * values: strings from UTF-8, particles (blob, list, map, HLL) through the Java client's decoder,
 * GeoJSON as {@link Value.GeoJSONValue}, and generation / ttl through {@link Records#of}.
 */
final class JniDecoder {

    static final int OUT_NIL = 0;
    static final int OUT_BOOL = 1;
    static final int OUT_INT = 2;
    static final int OUT_DOUBLE = 3;
    static final int OUT_STRING = 4;
    static final int OUT_PARTICLE = 5;
    static final int OUT_GEOJSON = 6;
    static final int OUT_UNSUPPORTED = 7;

    private JniDecoder() {
    }

    /** The exception for a failed call; the C side wrote the as_error's message and in_doubt. */
    static AerospikeException error(JniBuffers b, int status) {
        ByteBuffer out = b.out;
        boolean inDoubt = out.get(4) != 0;
        int len = out.getInt(8);
        String message = null;
        if (len > 0 && len <= b.outCapacity - 12) {
            byte[] bytes = b.scratch(len);
            out.get(12, bytes, 0, len);
            message = new String(bytes, 0, len, StandardCharsets.UTF_8);
        }
        return CStatus.toException(status, message, inDoubt);
    }

    /** Cursor over the result buffer. */
    static final class Reader {
        private final JniBuffers b;
        private final ByteBuffer out;
        int pos;

        Reader(JniBuffers b, int pos) {
            this.b = b;
            this.out = b.out;
            this.pos = pos;
        }

        int i32() {
            int v = out.getInt(pos);
            pos += 4;
            return v;
        }

        int u8() {
            int v = out.get(pos) & 0xFF;
            pos += 1;
            return v;
        }

        /**
         * A record; bins null when the C record has none (a header, or writes without reads), like
         * the Java client. gen -1 means "no record came back" (operate) and gives null.
         */
        Record record(boolean isOperation) {
            int gen = i32();
            int ttl = i32();
            int nbins = i32();
            if (gen == -1 && nbins == 0 && ttl == 0) {
                return null;
            }
            Map<String, Object> bins = null;
            if (nbins > 0) {
                bins = Records.newBins(nbins);
                for (int i = 0; i < nbins; i++) {
                    String name = utf8(u8());
                    Records.addBin(bins, name, value(), isOperation);
                }
            }
            return Records.of(bins, gen, ttl);
        }

        private Object value() {
            int kind = u8();
            switch (kind) {
                case OUT_NIL:
                    return null;
                case OUT_BOOL:
                    return u8() != 0;
                case OUT_INT: {
                    long v = out.getLong(pos);
                    pos += 8;
                    return v;
                }
                case OUT_DOUBLE: {
                    double v = out.getDouble(pos);
                    pos += 8;
                    return v;
                }
                case OUT_STRING:
                    return utf8(i32());
                case OUT_GEOJSON:
                    return Value.getAsGeoJSON(utf8(i32()));
                case OUT_PARTICLE: {
                    int type = u8();
                    int len = i32();
                    byte[] bytes = new byte[len];
                    out.get(pos, bytes, 0, len);
                    pos += len;
                    return Records.particle(type, bytes);
                }
                case OUT_UNSUPPORTED:
                    throw new AerospikeException(ResultCode.CLIENT_ERROR,
                            "The C client returned a value of unsupported type " + u8());
                default:
                    throw new AerospikeException(ResultCode.CLIENT_ERROR, "JNI: corrupt result (value kind " + kind + ")");
            }
        }

        private String utf8(int len) {
            byte[] bytes = b.scratch(len);
            out.get(pos, bytes, 0, len);
            pos += len;
            return new String(bytes, 0, len, StandardCharsets.UTF_8);
        }
    }
}
