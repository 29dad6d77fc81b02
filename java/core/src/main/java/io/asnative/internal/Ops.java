package io.asnative.internal;

import com.aerospike.client.Bin;
import com.aerospike.client.Operation;

import java.util.function.Function;

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

    /** One operation per bin, e.g. {@code Operation::append} for the Java client's {@code append}. */
    public static Operation[] perBin(Bin[] bins, Function<Bin, Operation> operation) {
        Validate.bins(bins);
        Operation[] operations = new Operation[bins.length];
        for (int i = 0; i < bins.length; i++) {
            operations[i] = operation.apply(bins[i]);
        }
        return operations;
    }
}
