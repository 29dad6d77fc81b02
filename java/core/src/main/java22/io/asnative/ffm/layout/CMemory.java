package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The process's memory as one segment, for reading what the C client hands back (records, their
 * bins, values and strings) at raw addresses, as Netty and Lucene read native memory.
 *
 * <p>Why: a pointer field read as a {@code MemorySegment} and reinterpreted to its struct's size
 * is a new segment object per pointer, which C2 removes only where every method it reaches is
 * inlined. In the benchmark's get loop it often was not: 3 segment objects of 40 bytes per
 * 3-bin get, one per bin's value pointer (JFR allocation samples), how often depending on the
 * JIT's inlining in that process. An address is a {@code long} and costs nothing. Pointers are
 * read as 8-byte longs: the binding ships for x86-64 and arm64 only. Like {@code reinterpret},
 * nothing here can check an address: every one read through this class comes from a struct the
 * C client filled in and still owns.
 */
public final class CMemory {

    /** Restricted (native access), like every reinterpret: the backend runs only with it granted. */
    static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private CMemory() {
    }

    /** The pointer stored at {@code address} (0 for NULL). */
    public static long pointer(long address) {
        return ALL.get(ValueLayout.JAVA_LONG, address);
    }

    /** {@code length} bytes from {@code address} into a new array. */
    public static byte[] bytes(long address, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(ALL, ValueLayout.JAVA_BYTE, address, bytes, 0, length);
        return bytes;
    }

    /** The NUL-terminated UTF-8 string at {@code address} (the JDK's own scan for the NUL). */
    public static String string(long address) {
        return ALL.getString(address);
    }
}
