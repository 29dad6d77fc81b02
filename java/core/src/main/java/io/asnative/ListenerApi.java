package io.asnative;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.async.EventLoop;
import com.aerospike.client.listener.BatchListListener;
import com.aerospike.client.listener.BatchOperateListListener;
import com.aerospike.client.listener.BatchRecordArrayListener;
import com.aerospike.client.listener.BatchRecordSequenceListener;
import com.aerospike.client.listener.BatchSequenceListener;
import com.aerospike.client.listener.DeleteListener;
import com.aerospike.client.listener.ExistsArrayListener;
import com.aerospike.client.listener.ExistsListener;
import com.aerospike.client.listener.ExistsSequenceListener;
import com.aerospike.client.listener.RecordArrayListener;
import com.aerospike.client.listener.RecordListener;
import com.aerospike.client.listener.RecordSequenceListener;
import com.aerospike.client.listener.WriteListener;
import com.aerospike.client.policy.BatchDeletePolicy;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.BatchWritePolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.internal.BatchLists;
import io.asnative.internal.Ops;
import io.asnative.internal.Validate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The Java client's listener methods ({@code EventLoop} + listener) for the commands the native
 * async API has, each run on one of its {@code *Async} calls, so that async code written against
 * {@link com.aerospike.client.IAerospikeClient} switches too. The C client's event loops carry the
 * commands: the {@code EventLoop} argument is not used and may be null. Listeners are called on
 * {@link AsyncConfig#completionExecutor()}; one that throws is logged, never allowed to take that
 * thread down.
 *
 * <p>A batch comes back whole (the C client completes a batch at once), so a sequence listener
 * gets its records one after another at the end, in key order, then {@code onSuccess}.
 *
 * <p>Not for subclassing outside this package.
 */
public abstract class ListenerApi extends RefusedOperations {

    ListenerApi() {
    }

    // ---------------------------------------------------------------- the async calls all of this runs on

    public abstract CompletableFuture<Void> putAsync(WritePolicy policy, Key key, Bin... bins);

    public abstract CompletableFuture<Record> getAsync(Policy policy, Key key);

    public abstract CompletableFuture<Record> getAsync(Policy policy, Key key, String... binNames);

    public abstract CompletableFuture<Record> getHeaderAsync(Policy policy, Key key);

    public abstract CompletableFuture<Boolean> existsAsync(Policy policy, Key key);

    public abstract CompletableFuture<Boolean> deleteAsync(WritePolicy policy, Key key);

    public abstract CompletableFuture<Void> touchAsync(WritePolicy policy, Key key);

    public abstract CompletableFuture<Record> operateAsync(WritePolicy policy, Key key, Operation... operations);

    public abstract CompletableFuture<Record[]> getAsync(BatchPolicy policy, Key[] keys);

    public abstract CompletableFuture<Boolean> operateAsync(BatchPolicy policy, List<BatchRecord> records);

    // ---------------------------------------------------------------- single record

    @Override
    public void put(EventLoop unused, WriteListener listener, WritePolicy policy, Key key, Bin... bins) {
        deliver(putAsync(policy, key, bins), v -> listener.onSuccess(key), listener::onFailure);
    }

    @Override
    public void append(EventLoop unused, WriteListener listener, WritePolicy policy, Key key, Bin... bins) {
        deliver(operateAsync(policy, key, Ops.perBin(bins, Operation::append)), r -> listener.onSuccess(key), listener::onFailure);
    }

    @Override
    public void prepend(EventLoop unused, WriteListener listener, WritePolicy policy, Key key, Bin... bins) {
        deliver(operateAsync(policy, key, Ops.perBin(bins, Operation::prepend)), r -> listener.onSuccess(key), listener::onFailure);
    }

    @Override
    public void add(EventLoop unused, WriteListener listener, WritePolicy policy, Key key, Bin... bins) {
        deliver(operateAsync(policy, key, Ops.perBin(bins, Operation::add)), r -> listener.onSuccess(key), listener::onFailure);
    }

    @Override
    public void delete(EventLoop unused, DeleteListener listener, WritePolicy policy, Key key) {
        deliver(deleteAsync(policy, key), existed -> listener.onSuccess(key, existed), listener::onFailure);
    }

    @Override
    public void touch(EventLoop unused, WriteListener listener, WritePolicy policy, Key key) {
        deliver(touchAsync(policy, key), v -> listener.onSuccess(key), listener::onFailure);
    }

    /** Like the sync {@code touched}: false, not a failure, when the record does not exist. */
    @Override
    public void touched(EventLoop unused, ExistsListener listener, WritePolicy policy, Key key) {
        touchAsync(policy, key).whenComplete((v, e) -> {
            AerospikeException failure = e == null ? null : asAerospikeException(e);
            if (failure != null && failure.getResultCode() != ResultCode.KEY_NOT_FOUND_ERROR) {
                callListener(() -> listener.onFailure(failure));
            } else {
                callListener(() -> listener.onSuccess(key, failure == null));
            }
        });
    }

    @Override
    public void exists(EventLoop unused, ExistsListener listener, Policy policy, Key key) {
        deliver(existsAsync(policy, key), exists -> listener.onSuccess(key, exists), listener::onFailure);
    }

    @Override
    public void get(EventLoop unused, RecordListener listener, Policy policy, Key key) {
        deliver(getAsync(policy, key), record -> listener.onSuccess(key, record), listener::onFailure);
    }

    @Override
    public void get(EventLoop unused, RecordListener listener, Policy policy, Key key, String... binNames) {
        deliver(getAsync(policy, key, binNames), record -> listener.onSuccess(key, record), listener::onFailure);
    }

    @Override
    public void getHeader(EventLoop unused, RecordListener listener, Policy policy, Key key) {
        deliver(getHeaderAsync(policy, key), record -> listener.onSuccess(key, record), listener::onFailure);
    }

    @Override
    public void operate(EventLoop unused, RecordListener listener, WritePolicy policy, Key key, Operation... operations) {
        deliver(operateAsync(policy, key, operations), record -> listener.onSuccess(key, record), listener::onFailure);
    }

    // ---------------------------------------------------------------- batch reads on keys

    @Override
    public void get(EventLoop unused, RecordArrayListener listener, BatchPolicy policy, Key[] keys) {
        deliver(getAsync(policy, keys), records -> listener.onSuccess(keys, records), listener::onFailure);
    }

    @Override
    public void get(EventLoop unused, RecordSequenceListener listener, BatchPolicy policy, Key[] keys) {
        deliver(getAsync(policy, keys), records -> sequence(listener, keys, records), listener::onFailure);
    }

    @Override
    public void get(EventLoop unused, RecordArrayListener listener, BatchPolicy policy, Key[] keys, String... binNames) {
        deliver(namedBins(policy, keys, binNames), records -> listener.onSuccess(keys, records), listener::onFailure);
    }

    @Override
    public void get(EventLoop unused, RecordSequenceListener listener, BatchPolicy policy, Key[] keys, String... binNames) {
        deliver(namedBins(policy, keys, binNames), records -> sequence(listener, keys, records), listener::onFailure);
    }

    @Override
    public void get(EventLoop unused, RecordArrayListener listener, BatchPolicy policy, Key[] keys, Operation... operations) {
        deliver(reads(policy, BatchLists.reads(keys, operations)), records -> listener.onSuccess(keys, records), listener::onFailure);
    }

    @Override
    public void get(EventLoop unused, RecordSequenceListener listener, BatchPolicy policy, Key[] keys, Operation... operations) {
        deliver(reads(policy, BatchLists.reads(keys, operations)), records -> sequence(listener, keys, records), listener::onFailure);
    }

    @Override
    public void getHeader(EventLoop unused, RecordArrayListener listener, BatchPolicy policy, Key[] keys) {
        deliver(headers(policy, keys), records -> listener.onSuccess(keys, records), listener::onFailure);
    }

    @Override
    public void getHeader(EventLoop unused, RecordSequenceListener listener, BatchPolicy policy, Key[] keys) {
        deliver(headers(policy, keys), records -> sequence(listener, keys, records), listener::onFailure);
    }

    @Override
    public void exists(EventLoop unused, ExistsArrayListener listener, BatchPolicy policy, Key[] keys) {
        deliver(headers(policy, keys), records -> listener.onSuccess(keys, existing(records)), listener::onFailure);
    }

    @Override
    public void exists(EventLoop unused, ExistsSequenceListener listener, BatchPolicy policy, Key[] keys) {
        deliver(headers(policy, keys), records -> {
            boolean[] exists = existing(records);
            for (int i = 0; i < keys.length; i++) {
                listener.onExists(keys[i], exists[i]);
            }
            listener.onSuccess();
        }, listener::onFailure);
    }

    // ---------------------------------------------------------------- batch record lists

    @Override
    public void get(EventLoop unused, BatchListListener listener, BatchPolicy policy, List<BatchRead> records) {
        deliver(operateAsync(policy, new ArrayList<BatchRecord>(records)), ok -> listener.onSuccess(records), listener::onFailure);
    }

    @Override
    public void get(EventLoop unused, BatchSequenceListener listener, BatchPolicy policy, List<BatchRead> records) {
        deliver(operateAsync(policy, new ArrayList<BatchRecord>(records)), ok -> {
            for (BatchRead read : records) {
                listener.onRecord(read);
            }
            listener.onSuccess();
        }, listener::onFailure);
    }

    @Override
    public void operate(EventLoop unused, BatchOperateListListener listener, BatchPolicy policy, List<BatchRecord> records) {
        deliver(operateAsync(policy, records), allSucceeded -> listener.onSuccess(records, allSucceeded), listener::onFailure);
    }

    @Override
    public void operate(EventLoop unused, BatchRecordSequenceListener listener, BatchPolicy policy, List<BatchRecord> records) {
        deliver(operateAsync(policy, records), ok -> sequence(listener, records), listener::onFailure);
    }

    @Override
    public void operate(EventLoop unused, BatchRecordArrayListener listener, BatchPolicy policy, BatchWritePolicy writePolicy,
            Key[] keys, Operation... operations) {
        array(listener, policy, BatchLists.operations(writePolicy, keys, operations));
    }

    @Override
    public void operate(EventLoop unused, BatchRecordSequenceListener listener, BatchPolicy policy, BatchWritePolicy writePolicy,
            Key[] keys, Operation... operations) {
        List<BatchRecord> records = BatchLists.operations(writePolicy, keys, operations);
        deliver(operateAsync(policy, records), ok -> sequence(listener, records), listener::onFailure);
    }

    @Override
    public void delete(EventLoop unused, BatchRecordArrayListener listener, BatchPolicy policy, BatchDeletePolicy deletePolicy,
            Key[] keys) {
        array(listener, policy, BatchLists.deletes(deletePolicy, keys));
    }

    @Override
    public void delete(EventLoop unused, BatchRecordSequenceListener listener, BatchPolicy policy, BatchDeletePolicy deletePolicy,
            Key[] keys) {
        List<BatchRecord> records = BatchLists.deletes(deletePolicy, keys);
        deliver(operateAsync(policy, records), ok -> sequence(listener, records), listener::onFailure);
    }

    // ---------------------------------------------------------------- helpers

    private CompletableFuture<Record[]> namedBins(BatchPolicy policy, Key[] keys, String[] binNames) {
        Validate.binNames(binNames);
        return reads(policy, BatchLists.reads(keys, key -> new BatchRead(key, binNames)));
    }

    private CompletableFuture<Record[]> headers(BatchPolicy policy, Key[] keys) {
        return reads(policy, BatchLists.reads(keys, key -> new BatchRead(key, false)));
    }

    private CompletableFuture<Record[]> reads(BatchPolicy policy, List<BatchRecord> reads) {
        return operateAsync(policy, reads).thenApply(ok -> BatchLists.records(reads));
    }

    private void array(BatchRecordArrayListener listener, BatchPolicy policy, List<BatchRecord> records) {
        BatchRecord[] array = records.toArray(new BatchRecord[0]);
        deliver(operateAsync(policy, records), allSucceeded -> listener.onSuccess(array, allSucceeded),
                failure -> listener.onFailure(array, failure));
    }

    private static boolean[] existing(Record[] records) {
        boolean[] exists = new boolean[records.length];
        for (int i = 0; i < records.length; i++) {
            exists[i] = records[i] != null;
        }
        return exists;
    }

    /** Every key's record (null where there is none), then onSuccess; a throwing onRecord ends it with onFailure. */
    private static void sequence(RecordSequenceListener listener, Key[] keys, Record[] records) {
        try {
            for (int i = 0; i < keys.length; i++) {
                listener.onRecord(keys[i], records[i]);
            }
        } catch (AerospikeException stop) {
            listener.onFailure(stop);
            return;
        }
        listener.onSuccess();
    }

    private static void sequence(BatchRecordSequenceListener listener, List<BatchRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            listener.onRecord(records.get(i), i);
        }
        listener.onSuccess();
    }

    private static <T> void deliver(CompletableFuture<T> future, Consumer<T> onSuccess, Consumer<AerospikeException> onFailure) {
        future.whenComplete((value, e) -> {
            if (e == null) {
                callListener(() -> onSuccess.accept(value));
            } else {
                AerospikeException failure = asAerospikeException(e);
                callListener(() -> onFailure.accept(failure));
            }
        });
    }

    private static AerospikeException asAerospikeException(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof AerospikeException ae ? ae : new AerospikeException(ResultCode.CLIENT_ERROR, cause);
    }

    /** A listener that throws must not take the completing thread down with it; it is logged instead. */
    private static void callListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            System.getLogger("io.asnative").log(System.Logger.Level.WARNING, "An async listener threw", e);
        }
    }
}
