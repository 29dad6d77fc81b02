package io.asnative.ffm.layout;

/**
 * {@code as_key} (168 bytes): {@code ns[32]} at 1, {@code set[64]} at 33, {@code value} union at
 * 104, {@code valuep} at 136, {@code as_digest digest} at 144. Initialised only through the C
 * client's exported {@code as_key_init_*} functions, so only its size matters here.
 */
public final class AsKey {
    public static final long SIZEOF = 168;
    public static final long ALIGN = 8;

    private AsKey() {
    }
}
