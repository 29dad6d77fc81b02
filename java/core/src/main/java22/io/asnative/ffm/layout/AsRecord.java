package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code as_record} (216 bytes): {@code as_rec _} at 0, {@code as_key key} at 24,
 * {@code uint16 gen} at 192, {@code uint32 ttl} at 196, {@code as_bins bins} at 200
 * ({@code as_bin* entries} at +0, {@code uint16 capacity} at +8, {@code uint16 size} at +10).
 */
public final class AsRecord {
    public static final long SIZEOF = 216;
    public static final long ALIGN = 8;
    public static final long GEN = 192;
    public static final long TTL = 196;
    public static final long BINS_ENTRIES = 200;
    public static final long BINS_SIZE = 210;

    private AsRecord() {
    }

    public static int gen(MemorySegment rec) {
        return rec.get(ValueLayout.JAVA_SHORT, GEN) & 0xFFFF;
    }

    public static void gen(MemorySegment rec, int gen) {
        rec.set(ValueLayout.JAVA_SHORT, GEN, (short) gen);
    }

    public static int ttl(MemorySegment rec) {
        return rec.get(ValueLayout.JAVA_INT, TTL);
    }

    public static void ttl(MemorySegment rec, int ttl) {
        rec.set(ValueLayout.JAVA_INT, TTL, ttl);
    }

    // Readers at raw addresses (CMemory), the record reader's: no segment object per record.

    public static int gen(long rec) {
        return CMemory.ALL.get(ValueLayout.JAVA_SHORT, rec + GEN) & 0xFFFF;
    }

    public static int ttl(long rec) {
        return CMemory.ALL.get(ValueLayout.JAVA_INT, rec + TTL);
    }

    public static int binCount(long rec) {
        return CMemory.ALL.get(ValueLayout.JAVA_SHORT, rec + BINS_SIZE) & 0xFFFF;
    }

    /** The address of the bins array, read with {@link AsBin#at}; valid while the record lives. */
    public static long entries(long rec) {
        return CMemory.pointer(rec + BINS_ENTRIES);
    }
}
