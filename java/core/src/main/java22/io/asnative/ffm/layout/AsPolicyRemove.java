package io.asnative.ffm.layout;

/** {@code as_policy_remove} (72 bytes): base, then key, replica, commit level, generation check. */
public final class AsPolicyRemove {
    public static final long SIZEOF = 72;
    public static final long KEY = 48;
    public static final long REPLICA = 52;
    public static final long COMMIT_LEVEL = 56;
    public static final long GEN = 60;
    /** uint16 */
    public static final long GENERATION = 64;
    public static final long DURABLE_DELETE = 66;

    private AsPolicyRemove() {
    }
}
