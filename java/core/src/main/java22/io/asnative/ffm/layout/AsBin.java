package io.asnative.ffm.layout;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * {@code as_bin} (56 bytes): {@code char name[16]} at 0, inline value at 16, {@code as_bin_value* valuep}
 * at 48. Bins are read at raw addresses ({@link CMemory}): the record reader makes no segment per bin.
 */
public final class AsBin {
    public static final long SIZEOF = 56;
    public static final long NAME = 0;
    public static final long NAME_SIZE = 16;
    public static final long VALUEP = 48;

    private AsBin() {
    }

    /** The address of bin {@code index} in an {@code as_bin} array at {@code entries}. */
    public static long at(long entries, int index) {
        return entries + index * SIZEOF;
    }

    /** The name's bytes {@code 8 * part} to {@code 8 * part + 7} as one long, in native byte order. */
    public static long nameWord(long bin, int part) {
        return CMemory.ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, bin + NAME + 8L * part);
    }

    /** The name, up to its NUL: one copy of the 16 bytes, then a scan of the Java array. */
    public static String name(long bin) {
        byte[] raw = CMemory.bytes(bin + NAME, (int) NAME_SIZE);
        int len = 0;
        while (len < raw.length && raw[len] != 0) {
            len++;
        }
        return new String(raw, 0, len, StandardCharsets.UTF_8);
    }

    /** The address of the bin's value ({@code as_bin_value*}), 0 for none. */
    public static long valuep(long bin) {
        return CMemory.pointer(bin + VALUEP);
    }
}
