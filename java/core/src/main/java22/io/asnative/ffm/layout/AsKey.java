package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code as_key} (168 bytes): {@code ns[32]} at 1, {@code set[64]} at 33, {@code value} union at
 * 104, {@code valuep} at 136, {@code as_digest digest} ({@code bool init}, {@code uint8_t value[20]})
 * at 144. Same in 7.4 and 7.5. Initialised through the C client's exported {@code as_key_init_*}
 * functions; only the digest is written from Java.
 */
public final class AsKey {
    public static final long SIZEOF = 168;
    public static final long ALIGN = 8;
    public static final long VALUE = 104;
    public static final long DIGEST_INIT = 144;
    public static final long DIGEST_VALUE = 145;
    public static final int DIGEST_SIZE = 20;

    private AsKey() {
    }

    /**
     * Sets the byte length of a string user key ({@code as_string.len} inside {@code value}).
     * {@code as_key_init_strp} leaves it SIZE_MAX ("not computed yet") and C computes it while
     * hashing the key; the send-key path then trusts it ("v->len should have been already set
     * when calculating the digest"). With the digest handed over C never hashes, so it must be set
     * here: left at SIZE_MAX it wraps the request size and C overruns its buffer.
     */
    public static void stringLength(MemorySegment key, long bytes) {
        key.set(ValueLayout.JAVA_LONG, VALUE + AsVal.STRING_LEN, bytes);
    }

    /**
     * Stores a digest and marks it computed: the C client's {@code as_key_set_digest} returns early
     * when {@code digest.init} is set, so it does not hash the key again.
     */
    public static void digest(MemorySegment key, byte[] digest) {
        MemorySegment.copy(digest, 0, key, ValueLayout.JAVA_BYTE, DIGEST_VALUE, DIGEST_SIZE);
        key.set(ValueLayout.JAVA_BOOLEAN, DIGEST_INIT, true);
    }
}
