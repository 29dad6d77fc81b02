package io.asnative.ffm;

import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import io.asnative.ffm.layout.AsBin;
import io.asnative.ffm.layout.AsRecord;

import java.lang.foreign.MemorySegment;

/**
 * For the JMH benchmarks: pieces of the FFM backend's own per-call code, so that a benchmark
 * measures the backend rather than a copy of it that drifts as the backend changes. Lives in the
 * backend's package to reach them.
 */
public final class BackendPieces {

    private BackendPieces() {
    }

    /** A single-record call's key: the thread's call arena, {@code as_key_init_int64}, the Java digest copied in. */
    public static long marshalKey(Key key) {
        try (CallArena arena = CallArena.open()) {
            return KeyWriter.write(arena, key).address();
        }
    }

    /** A put's bins into an {@code as_record} (the call arena, {@code as_record_init}, BinWriter, {@code as_record_destroy}). */
    public static boolean writeBins(Bin[] bins) {
        try (CallArena arena = CallArena.open()) {
            MemorySegment rec = arena.allocate(AsRecord.SIZEOF, AsRecord.ALIGN);
            CClient.as_record_init(rec, (short) bins.length);
            try {
                BinWriter.setBins(arena, rec, bins);
                return AsRecord.binCount(rec.address()) == bins.length;
            } finally {
                CClient.as_record_destroy(rec);
            }
        }
    }

    /** One bin of a C record read as RecordReader reads it: its name (BinNames) and its value as a Java object. */
    public static Object readBin(long bin) {
        String name = BinNames.of(bin);
        Object value = RecordReader.value(AsBin.valuep(bin));
        return name.isEmpty() ? name : value;
    }
}
