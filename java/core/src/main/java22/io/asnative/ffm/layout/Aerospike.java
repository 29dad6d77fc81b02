package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;

/** {@code aerospike} (1936 bytes): {@code as_cluster* cluster} at 0, {@code as_config config} at 8. */
public final class Aerospike {
    public static final long SIZEOF = 1936;
    public static final long CONFIG = 8;

    private Aerospike() {
    }

    /** The client's own copy of its config (its default policies live there). */
    public static MemorySegment config(MemorySegment as) {
        return as.asSlice(CONFIG, AsConfig.SIZEOF);
    }
}
