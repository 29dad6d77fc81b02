package io.asnative.server;

/** One wire operation type (read, write, add, ...). Implementations live in {@link BinOps}. */
interface BinOp {
    /** Applies the operation {@code ctx} points at; returns a result code (0 = OK). */
    int apply(OpContext ctx);

    /** Whether the operation may appear in a read-only command. */
    default boolean isRead() {
        return false;
    }
}
