package io.asnative.server;

/**
 * What the server stores for one record, for tests that check server-side state a client API
 * does not expose (e.g. that {@code sendKey} stored the user key).
 *
 * @param generation  1..65535
 * @param expiresAt   when the record expires, or null if never
 * @param set         set name, or null
 * @param userKey     the stored user key as sent on the wire (particle type byte, then value), or null
 * @param binCount    number of bins
 * @param binBytes    size of the stored bins in wire format
 */
public record RecordInfo(int generation, java.time.Instant expiresAt, String set, byte[] userKey, int binCount,
                         int binBytes) {
}
