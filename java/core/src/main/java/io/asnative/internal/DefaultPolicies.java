package io.asnative.internal;

import com.aerospike.client.BatchRecord;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;

import java.util.List;

/**
 * What a null policy means, as in the Java client: the {@link ClientPolicy}'s default of that kind.
 * A default left as the Java client ships it stays null, so the call reaches C with {@code NULL}
 * (the C client's own defaults, which match, and the fast path); a customised default is passed
 * like any explicit policy.
 */
public final class DefaultPolicies {

    private final Policy read;
    private final WritePolicy write;
    private final BatchPolicy batchRead;
    private final BatchPolicy batchWrite;

    private DefaultPolicies(Policy read, WritePolicy write, BatchPolicy batchRead, BatchPolicy batchWrite) {
        this.read = read;
        this.write = write;
        this.batchRead = batchRead;
        this.batchWrite = batchWrite;
    }

    public static DefaultPolicies of(ClientPolicy cp) {
        return new DefaultPolicies(
                cp.readPolicyDefault == null || cp.readPolicyDefault.equals(new Policy()) ? null : cp.readPolicyDefault,
                cp.writePolicyDefault == null || cp.writePolicyDefault.equals(new WritePolicy()) ? null : cp.writePolicyDefault,
                stockBatch(cp.batchPolicyDefault, BatchPolicy.ReadDefault()) ? null : cp.batchPolicyDefault,
                stockBatch(cp.batchParentPolicyWriteDefault, BatchPolicy.WriteDefault()) ? null : cp.batchParentPolicyWriteDefault);
    }

    /** BatchPolicy has no equals of its own: compare the base and the batch fields. */
    private static boolean stockBatch(BatchPolicy p, BatchPolicy stock) {
        return p == null || (p.equals(stock)
                && p.maxConcurrentThreads == stock.maxConcurrentThreads
                && p.allowInline == stock.allowInline
                && p.allowInlineSSD == stock.allowInlineSSD
                && p.respondAllKeys == stock.respondAllKeys);
    }

    public Policy read(Policy p) {
        return p != null ? p : read;
    }

    public WritePolicy write(WritePolicy p) {
        return p != null ? p : write;
    }

    public BatchPolicy batchRead(BatchPolicy p) {
        return p != null ? p : batchRead;
    }

    /** The Java client picks the batch default by whether any record writes. */
    public BatchPolicy batch(BatchPolicy p, List<BatchRecord> records) {
        if (p != null) {
            return p;
        }
        for (BatchRecord r : records) {
            if (r.hasWrite) {
                return batchWrite;
            }
        }
        return batchRead;
    }
}
