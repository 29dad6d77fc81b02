package io.asnative.ffm.layout;

/** {@code as_policy_operate} (96 bytes): base, then read and write fields together. */
public final class AsPolicyOperate {
    public static final long SIZEOF = 96;
    public static final long KEY = 48;
    public static final long REPLICA = 52;
    public static final long READ_MODE_AP = 56;
    public static final long READ_MODE_SC = 60;
    public static final long COMMIT_LEVEL = 64;
    public static final long GEN = 68;
    public static final long EXISTS = 72;
    public static final long TTL = 76;
    public static final long READ_TOUCH_TTL_PERCENT = 80;
    public static final long DESERIALIZE = 84;
    public static final long DURABLE_DELETE = 85;
    public static final long ON_LOCKING_ONLY = 86;
    public static final long RESPOND_ALL_OPS = 88;

    private AsPolicyOperate() {
    }
}
