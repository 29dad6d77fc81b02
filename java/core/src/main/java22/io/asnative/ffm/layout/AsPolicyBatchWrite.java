package io.asnative.ffm.layout;

/**
 * {@code as_policy_batch_write} (32 bytes), per record of a batch write: {@code filter_exp} at 0,
 * then key, commit level, generation check, exists action, ttl and durable delete.
 */
public final class AsPolicyBatchWrite {
    public static final long SIZEOF = 32;
    public static final long ALIGN = 8;
    public static final long KEY = 8;
    public static final long COMMIT_LEVEL = 12;
    public static final long GEN = 16;
    public static final long EXISTS = 20;
    public static final long TTL = 24;
    public static final long DURABLE_DELETE = 28;

    private AsPolicyBatchWrite() {
    }
}
