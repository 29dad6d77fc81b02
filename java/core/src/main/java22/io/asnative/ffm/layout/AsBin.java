package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/** {@code as_bin} (56 bytes): {@code char name[16]} at 0, inline value at 16, {@code as_bin_value* valuep} at 48. */
public final class AsBin {
    public static final long SIZEOF = 56;
    public static final long NAME = 0;
    public static final long NAME_SIZE = 16;
    public static final long VALUEP = 48;

    private AsBin() {
    }

    public static String name(MemorySegment bin) {
        int len = 0;
        while (len < NAME_SIZE && bin.get(ValueLayout.JAVA_BYTE, NAME + len) != 0) {
            len++;
        }
        byte[] bytes = new byte[len];
        MemorySegment.copy(bin, ValueLayout.JAVA_BYTE, NAME, bytes, 0, len);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static MemorySegment valuep(MemorySegment bin) {
        return bin.get(ValueLayout.ADDRESS, VALUEP).reinterpret(AsVal.MAX_SIZEOF);
    }
}
