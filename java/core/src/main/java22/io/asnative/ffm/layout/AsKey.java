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
    public static final long DIGEST_INIT = 144;
    public static final long DIGEST_VALUE = 145;
    public static final int DIGEST_SIZE = 20;

    private AsKey() {
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
