package io.asnative.internal;

import com.aerospike.client.BatchRecord;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;

import java.util.List;

/**
 * One connected instance of the C client ({@code aerospike*}), seen through one backend (FFM or JNI).
 *
 * <p>The client facade validates every argument before calling here (see {@link Validate}), so a
 * backend may assume: keys, names and values are non-null and within the C client's limits, arrays
 * are non-empty where the C client needs them. A {@code null} policy means "the C client's own
 * defaults" and must reach C as {@code NULL} (the fast path). Every C status other than OK becomes
 * an {@link com.aerospike.client.AerospikeException} through {@link CStatus#toException}.
 *
 * <p>Both backends make the same C calls for the same operation, so that benchmarks compare the
 * call mechanism rather than two algorithms; the sequences are listed on each method.
 *
 * <p>Thread safety: every method may be called from many threads at once, except {@link #close()},
 * which the facade calls once, after in-flight calls have drained.
 */
public interface NativeSession {

    /**
     * {@code as_key_init_*}, {@code as_record_init}, one {@code as_record_set_*} per bin,
     * {@code aerospike_key_put}, {@code as_record_destroy}.
     */
    void put(WritePolicy policy, Key key, Bin[] bins);

    /**
     * {@code aerospike_key_get} (binNames null) or {@code aerospike_key_select} (binNames given),
     * then the record's bins are read and {@code as_record_destroy} frees it.
     *
     * @return the record, or null when the key does not exist (like the Java client)
     */
    Record get(Policy policy, Key key, String[] binNames);

    /** {@code aerospike_key_exists}: generation and expiration only; null when absent. */
    Record getHeader(Policy policy, Key key);

    /** {@code aerospike_key_exists}; false on "not found". */
    boolean exists(Policy policy, Key key);

    /** {@code aerospike_key_remove}; false on "not found" (like the Java client). */
    boolean delete(WritePolicy policy, Key key);

    /** {@code aerospike_key_operate} with one touch operation; "not found" throws, like the Java client. */
    void touch(WritePolicy policy, Key key);

    /**
     * {@code as_operations_init}, one {@code as_operations_add_*} per operation,
     * {@code aerospike_key_operate}, {@code as_operations_destroy}, {@code as_record_destroy}.
     *
     * @return the record with read results, or null when the C client returned none
     */
    Record operate(WritePolicy policy, Key key, Operation[] operations);

    /**
     * Batch read through {@code aerospike_batch_read} over an {@code as_batch_records} vector.
     *
     * @param mode      all bins, named bins, or header only
     * @param binNames  the names for {@link BatchReadMode#NAMED_BINS}, else null
     * @return one entry per key, null where the key does not exist
     */
    Record[] batchGet(BatchPolicy policy, Key[] keys, BatchReadMode mode, String[] binNames);

    /** Batch header read; {@code true} where the record exists. */
    boolean[] batchExists(BatchPolicy policy, Key[] keys);

    /**
     * Mixed batch ({@code BatchRead}, {@code BatchWrite}, {@code BatchDelete}) through
     * {@code aerospike_batch_write}; every record's {@code resultCode}, {@code record} and
     * {@code inDoubt} are set in place.
     *
     * @return true when every record succeeded
     */
    boolean batchOperate(BatchPolicy policy, List<BatchRecord> records);

    /**
     * The async commands of this session, present when the client was built with an
     * {@link io.asnative.AsyncConfig}.
     *
     * @throws UnsupportedOperationException when the backend has no async support (JNI), or async
     *                                       was not enabled for this client
     */
    default AsyncSession async() {
        throw new UnsupportedOperationException("Async commands are available through the FFM backend (Java 22+) "
                + "on a client built with an AsyncConfig");
    }

    /**
     * {@code aerospike_close}, {@code aerospike_destroy}: called exactly once. A session with async
     * commands first waits for those in flight to complete.
     */
    void close();

    /** {@code aerospike_cluster_is_connected}: whether the C client currently knows a live node of the cluster. */
    boolean isConnected();

    /** How a batch read returns bins. */
    enum BatchReadMode { ALL_BINS, NAMED_BINS, HEADER }
}
