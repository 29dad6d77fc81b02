package io.asnative.internal;

import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.policy.BatchDeletePolicy;
import com.aerospike.client.policy.BatchWritePolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The record lists behind the Java client's batch forms on keys ({@code get} with operations,
 * {@code operate} with a {@code BatchWritePolicy}, {@code delete} with a {@code BatchDeletePolicy}),
 * sync and async alike: the native client runs them all as one batch operate of such a list,
 * which validates every record and its key ({@link Validate#batchRecords}), so only the arrays
 * themselves are checked here.
 */
public final class BatchLists {

    private BatchLists() {
    }

    /** One read per key, in key order. */
    public static List<BatchRecord> reads(Key[] keys, Function<Key, BatchRead> read) {
        return perKey(keys, read);
    }

    /** The same read operations on every key. */
    public static List<BatchRecord> reads(Key[] keys, Operation[] operations) {
        Objects.requireNonNull(operations, "operations");
        return perKey(keys, key -> new BatchRead(key, operations));
    }

    /** The same operations on every key: writes with {@code policy} if any operation writes, else reads. */
    public static List<BatchRecord> operations(BatchWritePolicy policy, Key[] keys, Operation[] operations) {
        Validate.operations(operations);
        if (!Ops.hasWrite(operations)) {
            return reads(keys, operations);
        }
        return perKey(keys, key -> new BatchWrite(policy, key, operations));
    }

    /** A delete per key. */
    public static List<BatchRecord> deletes(BatchDeletePolicy policy, Key[] keys) {
        return perKey(keys, key -> new BatchDelete(policy, key));
    }

    /** Each record's result, in order: null where it failed or does not exist. */
    public static Record[] records(List<BatchRecord> list) {
        Record[] records = new Record[list.size()];
        for (int i = 0; i < records.length; i++) {
            records[i] = list.get(i).record;
        }
        return records;
    }

    /** One record per key, in key order. */
    private static List<BatchRecord> perKey(Key[] keys, Function<Key, ? extends BatchRecord> record) {
        Objects.requireNonNull(keys, "keys");
        List<BatchRecord> list = new ArrayList<>(keys.length);
        for (Key key : keys) {
            list.add(record.apply(key));
        }
        return list;
    }
}
