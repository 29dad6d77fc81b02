package io.asnative.ffm;

import io.asnative.ffm.layout.AsBin;

import java.nio.ByteOrder;

/**
 * Bin names read out of C records, as Strings shared between reads: a program reads the same few
 * names over and over (a 5,000-record batch of 3 bins decodes the same 3 names 5,000 times), and
 * decoding each one is an array, a String and a UTF-8 scan.
 *
 * <p>The key is the name's 16-byte {@code char[16]} field read as two longs, with the bytes after
 * the NUL masked off (C leaves them undefined), so equal keys mean equal names. The table is a
 * fixed array of immutable entries, written without locks: a racing thread sees either an old
 * entry, a new one, or null - each compared in full before use - so a collision or a race costs a
 * decode, never a wrong name.
 */
final class BinNames {

    private static final int SLOTS = 256; // a power of two
    private static final Entry[] TABLE = new Entry[SLOTS];
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** The byte arithmetic below reads names little-endian (x86-64 and arm64 Linux, all we ship). */
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private record Entry(long low, long high, String name) {
    }

    private BinNames() {
    }

    /** The name of the {@code as_bin} at address {@code bin}. */
    static String of(long bin) {
        if (!LITTLE_ENDIAN) {
            return AsBin.name(bin);
        }
        long low = AsBin.nameWord(bin, 0);
        long high = AsBin.nameWord(bin, 1);
        int lowNul = firstZeroByte(low);
        if (lowNul < 8) {
            low &= mask(lowNul);
            high = 0;
        } else {
            high &= mask(firstZeroByte(high)); // C guarantees a NUL within the 16 bytes
        }
        long mixed = (low ^ Long.rotateLeft(high, 29)) * 0x9E3779B97F4A7C15L;
        int slot = (int) (mixed >>> 56) & (SLOTS - 1);
        Entry entry = TABLE[slot];
        if (entry != null && entry.low == low && entry.high == high) {
            return entry.name;
        }
        String name = AsBin.name(bin);
        TABLE[slot] = new Entry(low, high, name);
        return name;
    }

    /** Index (0-7, little-endian) of the first zero byte of {@code x}, or 8 if none. */
    static int firstZeroByte(long x) {
        long zeros = (x - ONES) & ~x & HIGHS;
        return Long.numberOfTrailingZeros(zeros) >>> 3;
    }

    /** A mask keeping the lowest {@code bytes} bytes (0-8). */
    static long mask(int bytes) {
        return bytes >= 8 ? -1L : (1L << (bytes << 3)) - 1;
    }
}
