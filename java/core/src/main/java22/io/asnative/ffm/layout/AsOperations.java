package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code as_operations} (24 bytes): {@code as_binops binops} at 0, {@code uint32 ttl} at 16,
 * {@code uint16 gen} at 20. Filled through {@code as_operations_init} / {@code as_operations_add_*}.
 */
public final class AsOperations {
    public static final long SIZEOF = 24;
    public static final long ALIGN = 8;
    public static final long TTL = 16;
    public static final long GEN = 20;

    private AsOperations() {
    }

    public static void ttl(MemorySegment ops, int ttl) {
        ops.set(ValueLayout.JAVA_INT, TTL, ttl);
    }

    public static void gen(MemorySegment ops, int gen) {
        ops.set(ValueLayout.JAVA_SHORT, GEN, (short) gen);
    }
}
