package io.asnative.ffm.layout;

import java.lang.foreign.ValueLayout;

/**
 * {@code as_val} (8 bytes) heads every C client value: {@code uint32 count} at 0,
 * {@code as_val_t type} at 4 (the {@code as_val_type} macro reads it), {@code bool free} at 5.
 * The concrete values follow their header: {@code as_integer.value} / {@code as_double.value} /
 * {@code as_boolean.value} at 8; {@code as_string} and {@code as_geojson}: {@code value} at 16,
 * {@code len} at 24; {@code as_bytes}: {@code size} at 12, {@code value} at 16, {@code type} at 28.
 */
public final class AsVal {
    public static final long TYPE = 4;

    // as_val_t
    public static final int AS_NIL = 1;
    public static final int AS_BOOLEAN = 2;
    public static final int AS_INTEGER = 3;
    public static final int AS_STRING = 4;
    public static final int AS_LIST = 5;
    public static final int AS_MAP = 6;
    public static final int AS_BYTES = 9;
    public static final int AS_DOUBLE = 10;
    public static final int AS_GEOJSON = 11;

    public static final long SCALAR_VALUE = 8;   // as_integer / as_double / as_boolean
    public static final long STRING_VALUE = 16;  // as_string / as_geojson: char*
    public static final long STRING_LEN = 24;    // size_t, SIZE_MAX until computed
    public static final long BYTES_SIZE = 12;    // uint32
    public static final long BYTES_VALUE = 16;   // uint8*
    public static final long BYTES_TYPE = 28;    // as_bytes_type == particle type
    /** The largest value struct (as_string / as_bytes); enough to read any of them. */
    public static final long MAX_SIZEOF = 32;

    private AsVal() {
    }

    public static int type(long val) {
        return CMemory.ALL.get(ValueLayout.JAVA_BYTE, val + TYPE) & 0xFF;
    }

    public static long integer(long val) {
        return CMemory.ALL.get(ValueLayout.JAVA_LONG, val + SCALAR_VALUE);
    }

    public static double dbl(long val) {
        return CMemory.ALL.get(ValueLayout.JAVA_DOUBLE, val + SCALAR_VALUE);
    }

    public static boolean bool(long val) {
        return CMemory.ALL.get(ValueLayout.JAVA_BOOLEAN, val + SCALAR_VALUE);
    }

    /** An {@code as_string}'s / {@code as_geojson}'s characters ({@code char*}). */
    public static long stringValue(long val) {
        return CMemory.pointer(val + STRING_VALUE);
    }

    /** An {@code as_string}'s length, or -1 ({@code SIZE_MAX}) until C computed it. */
    public static long stringLength(long val) {
        return CMemory.ALL.get(ValueLayout.JAVA_LONG, val + STRING_LEN);
    }

    public static int bytesSize(long val) {
        return CMemory.ALL.get(ValueLayout.JAVA_INT, val + BYTES_SIZE);
    }

    public static long bytesValue(long val) {
        return CMemory.pointer(val + BYTES_VALUE);
    }

    public static int bytesType(long val) {
        return CMemory.ALL.get(ValueLayout.JAVA_INT, val + BYTES_TYPE);
    }
}
