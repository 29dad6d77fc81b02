package io.asnative.internal;

/**
 * Converts the C client's record {@code ttl} (seconds left, {@code 0xFFFFFFFF} for never) into the
 * Java client's {@code Record.expiration} (void time in seconds since 2010-01-01, 0 for never), so
 * that {@code Record.getTimeToLive()} gives the same answer through either client.
 */
public final class Expirations {

    /** 2010-01-01T00:00:00Z in epoch seconds: Aerospike's "citrus" epoch. */
    private static final long CITRUS_EPOCH_SECONDS = 1262304000L;
    private static final long NEVER = 0xFFFFFFFFL;

    private Expirations() {
    }

    public static int fromCTtl(int ttl) {
        long unsigned = Integer.toUnsignedLong(ttl);
        if (unsigned == NEVER || unsigned == 0) {
            return 0;
        }
        long nowCitrus = System.currentTimeMillis() / 1000 - CITRUS_EPOCH_SECONDS;
        return (int) (nowCitrus + unsigned);
    }
}
