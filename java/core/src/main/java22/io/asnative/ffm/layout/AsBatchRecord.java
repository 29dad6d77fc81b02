package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code as_batch_record} (424 bytes, the union of the read / write / apply / remove records).
 * Common part ({@code as_batch_base_record}): {@code as_key key} at 0, {@code as_record record} at
 * 168, {@code as_status result} at 384, {@code as_batch_type type} at 388, {@code bool has_write}
 * at 389, {@code bool in_doubt} at 390. Read record: {@code policy} 392, {@code ops} 400,
 * {@code char** bin_names} 408, {@code uint32 n_bin_names} 416, {@code bool read_all_bins} 420.
 * Write record: {@code policy} 392, {@code ops} 400. Remove record: {@code policy} 392.
 */
public final class AsBatchRecord {
    public static final long SIZEOF = 424;
    public static final long KEY = 0;
    public static final long RECORD = 168;
    public static final long RESULT = 384;
    public static final long TYPE = 388;
    public static final long HAS_WRITE = 389;
    public static final long IN_DOUBT = 390;
    public static final long POLICY = 392;
    public static final long OPS = 400;
    public static final long BIN_NAMES = 408;
    public static final long N_BIN_NAMES = 416;
    public static final long READ_ALL_BINS = 420;

    // as_batch_type
    public static final byte AS_BATCH_READ = 0;
    public static final byte AS_BATCH_WRITE = 1;
    public static final byte AS_BATCH_REMOVE = 3;

    private AsBatchRecord() {
    }

    public static MemorySegment at(MemorySegment items, int i) {
        return items.asSlice(i * SIZEOF, SIZEOF);
    }

    public static MemorySegment key(MemorySegment rec) {
        return rec.asSlice(KEY, AsKey.SIZEOF);
    }

    /** The address of item {@code i}'s {@code as_record}, for the record reader (CMemory). */
    public static long recordAddress(MemorySegment items, int i) {
        return items.address() + i * SIZEOF + RECORD;
    }

    public static int result(MemorySegment rec) {
        return rec.get(ValueLayout.JAVA_INT, RESULT);
    }

    public static boolean inDoubt(MemorySegment rec) {
        return rec.get(ValueLayout.JAVA_BOOLEAN, IN_DOUBT);
    }

    public static void read(MemorySegment rec, boolean readAllBins, MemorySegment binNames, int nBinNames, MemorySegment ops) {
        rec.set(ValueLayout.JAVA_BYTE, TYPE, AS_BATCH_READ);
        rec.set(ValueLayout.JAVA_BOOLEAN, READ_ALL_BINS, readAllBins);
        rec.set(ValueLayout.ADDRESS, BIN_NAMES, binNames);
        rec.set(ValueLayout.JAVA_INT, N_BIN_NAMES, nBinNames);
        rec.set(ValueLayout.ADDRESS, OPS, ops);
    }

    public static void write(MemorySegment rec, MemorySegment policy, MemorySegment ops) {
        rec.set(ValueLayout.JAVA_BYTE, TYPE, AS_BATCH_WRITE);
        rec.set(ValueLayout.JAVA_BOOLEAN, HAS_WRITE, true);
        rec.set(ValueLayout.ADDRESS, POLICY, policy);
        rec.set(ValueLayout.ADDRESS, OPS, ops);
    }

    public static void remove(MemorySegment rec, MemorySegment policy) {
        rec.set(ValueLayout.JAVA_BYTE, TYPE, AS_BATCH_REMOVE);
        rec.set(ValueLayout.JAVA_BOOLEAN, HAS_WRITE, true);
        rec.set(ValueLayout.ADDRESS, POLICY, policy);
    }
}
