package io.asnative.ffm.layout;

/** {@code as_policy_read} (72 bytes): base, then the read-specific fields. */
public final class AsPolicyRead {
    public static final long SIZEOF = 72;
    public static final long KEY = 48;
    public static final long REPLICA = 52;
    public static final long READ_MODE_AP = 56;
    public static final long READ_MODE_SC = 60;
    public static final long READ_TOUCH_TTL_PERCENT = 64;
    public static final long DESERIALIZE = 68;

    private AsPolicyRead() {
    }
}
