package io.asnative.server;

/**
 * A record's 20-byte RIPEMD-160 digest as a map key, held in three primitive fields rather than
 * an array so that each stored record costs one small object for its key.
 */
final class DigestKey {
    private final long high;
    private final long middle;
    private final int low;

    DigestKey(byte[] buf, int off) {
        this.high = Proto.getLong(buf, off);
        this.middle = Proto.getLong(buf, off + 8);
        this.low = Proto.getInt(buf, off + 16);
    }

    /** Partition of the key: the clients' {@code (digest[0] | digest[1] << 8) & 0xFFF}. */
    static int partitionId(byte[] buf, int off) {
        return ((buf[off] & 0xFF) | ((buf[off + 1] & 0xFF) << 8)) & (Proto.PARTITIONS - 1);
    }

    byte[] toBytes() {
        byte[] b = new byte[Proto.DIGEST_SIZE];
        Proto.putLong(b, 0, high);
        Proto.putLong(b, 8, middle);
        Proto.putInt(b, 16, low);
        return b;
    }

    @Override
    public int hashCode() {
        // Digests are uniformly distributed already; mix two words for safety.
        return (int) (middle ^ (middle >>> 32)) ^ low;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigestKey k && k.high == high && k.middle == middle && k.low == low;
    }
}
