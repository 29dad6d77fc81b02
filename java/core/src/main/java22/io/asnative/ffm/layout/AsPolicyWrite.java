package io.asnative.ffm.layout;

/** {@code as_policy_write} (80 bytes): base, then the write-specific fields. */
public final class AsPolicyWrite {
    public static final long SIZEOF = 80;
    public static final long KEY = 48;
    public static final long REPLICA = 52;
    public static final long COMMIT_LEVEL = 56;
    public static final long GEN = 60;
    public static final long EXISTS = 64;
    public static final long TTL = 68;
    public static final long COMPRESSION_THRESHOLD = 72;
    public static final long DURABLE_DELETE = 76;
    public static final long ON_LOCKING_ONLY = 77;

    private AsPolicyWrite() {
    }
}
