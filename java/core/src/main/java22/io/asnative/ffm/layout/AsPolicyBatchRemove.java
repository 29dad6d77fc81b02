package io.asnative.ffm.layout;

/** {@code as_policy_batch_remove} (24 bytes): {@code filter_exp} at 0, key, commit level, generation check. */
public final class AsPolicyBatchRemove {
    public static final long SIZEOF = 24;
    public static final long ALIGN = 8;
    public static final long KEY = 8;
    public static final long COMMIT_LEVEL = 12;
    public static final long GEN = 16;
    /** uint16 */
    public static final long GENERATION = 20;
    public static final long DURABLE_DELETE = 22;

    private AsPolicyBatchRemove() {
    }
}
