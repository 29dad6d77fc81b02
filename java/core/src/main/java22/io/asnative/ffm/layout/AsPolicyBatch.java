package io.asnative.ffm.layout;

/** {@code as_policy_batch} (72 bytes): base, then the batch flags. */
public final class AsPolicyBatch {
    public static final long SIZEOF = 72;
    public static final long REPLICA = 48;
    public static final long READ_MODE_AP = 52;
    public static final long READ_MODE_SC = 56;
    public static final long READ_TOUCH_TTL_PERCENT = 60;
    public static final long CONCURRENT = 64;
    public static final long ALLOW_INLINE = 65;
    public static final long ALLOW_INLINE_SSD = 66;
    public static final long RESPOND_ALL_KEYS = 67;
    public static final long SEND_SET_NAME = 68;
    public static final long DESERIALIZE = 69;

    private AsPolicyBatch() {
    }
}
