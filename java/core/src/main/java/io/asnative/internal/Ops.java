package io.asnative.internal;

import com.aerospike.client.Operation;

/** Facts about operation lists that both backends need to behave like the Java client. */
public final class Ops {

    private Ops() {
    }

    /**
     * Whether an operate call writes. The Java client returns null for a read-only operate on a
     * missing record, but raises "not found" when the operate writes (e.g. touch).
     */
    public static boolean hasWrite(Operation[] operations) {
        for (Operation op : operations) {
            if (op.type != Operation.Type.READ && op.type != Operation.Type.READ_HEADER) {
                return true;
            }
        }
        return false;
    }
}
