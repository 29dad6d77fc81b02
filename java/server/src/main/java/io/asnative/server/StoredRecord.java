package io.asnative.server;

/**
 * An immutable stored record. Its bins are kept exactly as a response carries them (a run of
 * wire operations), so reading all bins is one array copy; list/map/HLL/GeoJSON particles are
 * therefore returned byte for byte as written.
 */
final class StoredRecord {
    /** Concatenated bin operations: u32 size, op, particle type, 0, name length, name, value. */
    final byte[] bins;
    final int binCount;
    /** 1..65535, wrapping to 1 like the server's 16-bit generation. */
    final int generation;
    /** Seconds since 2010-01-01 when the record expires; 0 = never. */
    final int voidTime;
    /** The user key as sent in field 2 (particle type byte, then value), or null. */
    final byte[] userKey;
    /** Set name (interned per namespace), or null. */
    final String set;

    StoredRecord(byte[] bins, int binCount, int generation, int voidTime, byte[] userKey, String set) {
        this.bins = bins;
        this.binCount = binCount;
        this.generation = generation;
        this.voidTime = voidTime;
        this.userKey = userKey;
        this.set = set;
    }

    boolean isExpired(int nowCitrus) {
        return voidTime != 0 && voidTime - nowCitrus <= 0;
    }

    static int nextGeneration(int generation) {
        return generation >= 0xFFFF ? 1 : generation + 1;
    }
}
