package io.asnative.ffm.layout;

/** {@code as_policies} (1232 bytes): the client's default policy of each kind, inside {@code as_config}. */
public final class AsPolicies {
    public static final long SIZEOF = 1232;
    public static final long READ = 0;
    public static final long WRITE = 72;
    public static final long OPERATE = 152;
    public static final long REMOVE = 248;
    public static final long BATCH = 392;
    public static final long BATCH_PARENT_WRITE = 464;
    public static final long BATCH_WRITE = 536;
    public static final long BATCH_REMOVE = 592;

    private AsPolicies() {
    }
}
