package io.asnative.ffm;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.BatchWritePolicy;
import io.asnative.ffm.layout.AsBatchRecord;
import io.asnative.ffm.layout.AsBatchRecords;
import io.asnative.ffm.layout.AsOperations;
import io.asnative.internal.CStatus;
import io.asnative.internal.NativeSession.BatchReadMode;
import io.asnative.internal.PolicyCodes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.List;

/**
 * Builds an {@code as_batch_records} vector from Java keys or batch records, and reads the results
 * back; shared by the sync and the async session. {@link #destroy()} frees what C allocated (the
 * items, their keys and records, and every {@code as_operations} the items point to); the
 * caller's arena frees the rest.
 */
final class BatchWriter {

    final MemorySegment records;
    private final MemorySegment items;
    private final MemorySegment[] ops;
    private final int n;

    private BatchWriter(SegmentAllocator arena, int n) {
        this.n = n;
        this.records = arena.allocate(AsBatchRecords.SIZEOF, AsBatchRecords.ALIGN);
        this.ops = new MemorySegment[n];
        CClient.as_vector_init(records, (int) AsBatchRecord.SIZEOF, n);
        this.items = AsBatchRecords.reserveAll(records, n);
    }

    /** Reads of the same bins (all, named, or header only) for every key. */
    static BatchWriter reads(SegmentAllocator arena, Key[] keys, BatchReadMode mode, String[] binNames) {
        BatchWriter batch = new BatchWriter(arena, keys.length);
        try {
            MemorySegment names = mode == BatchReadMode.NAMED_BINS ? FfmSession.nullTerminated(arena, binNames) : MemorySegment.NULL;
            int nNames = mode == BatchReadMode.NAMED_BINS ? binNames.length : 0;
            for (int i = 0; i < keys.length; i++) {
                MemorySegment r = AsBatchRecord.at(batch.items, i);
                KeyWriter.writeInto(arena, AsBatchRecord.key(r), keys[i]);
                AsBatchRecord.read(r, mode == BatchReadMode.ALL_BINS, names, nNames, MemorySegment.NULL);
            }
            return batch;
        } catch (RuntimeException e) {
            batch.destroy();
            throw e;
        }
    }

    /** A mixed list of reads, writes and deletes. */
    static BatchWriter records(SegmentAllocator arena, List<BatchRecord> list, PolicyWriter policies) {
        BatchWriter batch = new BatchWriter(arena, list.size());
        try {
            for (int i = 0; i < batch.n; i++) {
                batch.ops[i] = describe(arena, AsBatchRecord.at(batch.items, i), list.get(i), policies);
            }
            return batch;
        } catch (RuntimeException e) {
            batch.destroy();
            throw e;
        }
    }

    /** Records per key for a uniform read: null where not found (or filtered out). */
    Record[] readResults(BatchReadMode mode) {
        Record[] out = new Record[n];
        for (int i = 0; i < n; i++) {
            MemorySegment r = AsBatchRecord.at(items, i);
            int result = AsBatchRecord.result(r);
            if (result == CStatus.OK) {
                long rec = AsBatchRecord.recordAddress(items, i);
                out[i] = mode == BatchReadMode.HEADER ? RecordReader.header(rec) : RecordReader.read(rec, false);
            } else if (result != CStatus.ERR_RECORD_NOT_FOUND && result != CStatus.FILTERED_OUT) {
                throw CStatus.toException(result, null, AsBatchRecord.inDoubt(r));
            }
        }
        return out;
    }

    /** Sets each Java record's result, record and in-doubt flag; true when all succeeded. */
    boolean fillResults(List<BatchRecord> list) {
        boolean allOk = true;
        for (int i = 0; i < n; i++) {
            MemorySegment r = AsBatchRecord.at(items, i);
            BatchRecord target = list.get(i);
            int result = AsBatchRecord.result(r);
            if (result == CStatus.OK) {
                boolean isOperation = target.hasWrite || target instanceof BatchRead br && br.ops != null;
                target.setRecord(RecordReader.read(AsBatchRecord.recordAddress(items, i), isOperation));
            } else {
                target.setError(CStatus.toResultCode(result), AsBatchRecord.inDoubt(r));
                allOk = false;
            }
        }
        return allOk;
    }

    void destroy() {
        CClient.as_batch_records_destroy(records);
        for (MemorySegment o : ops) {
            if (o != null) {
                CClient.as_operations_destroy(o);
            }
        }
    }

    /** Fills one item; returns the {@code as_operations} it points to (to destroy), or null. */
    private static MemorySegment describe(SegmentAllocator arena, MemorySegment item, BatchRecord record, PolicyWriter policies) {
        KeyWriter.writeInto(arena, AsBatchRecord.key(item), record.key);
        if (record instanceof BatchRead read) {
            MemorySegment ops = read.ops == null ? null : operations(arena, read.ops, null);
            MemorySegment names = read.binNames == null ? MemorySegment.NULL : FfmSession.nullTerminated(arena, read.binNames);
            int nNames = read.binNames == null ? 0 : read.binNames.length;
            AsBatchRecord.read(item, read.readAllBins, names, nNames, ops == null ? MemorySegment.NULL : ops);
            return ops;
        }
        if (record instanceof BatchWrite write) {
            MemorySegment ops = operations(arena, write.ops, write.policy);
            AsBatchRecord.write(item, policies.batchWrite(arena, write.policy), ops);
            return ops;
        }
        if (record instanceof BatchDelete delete) {
            AsBatchRecord.remove(item, policies.batchRemove(arena, delete.policy));
            return null;
        }
        throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Unsupported batch record " + record.getClass().getSimpleName());
    }

    private static MemorySegment operations(SegmentAllocator arena, Operation[] operations, BatchWritePolicy policy) {
        MemorySegment ops = arena.allocate(AsOperations.SIZEOF, AsOperations.ALIGN);
        CClient.as_operations_init(ops, (short) operations.length);
        try {
            OperationWriter.fill(arena, ops, operations, PolicyCodes.recordTtl(policy), PolicyCodes.recordGeneration(policy));
        } catch (RuntimeException e) {
            CClient.as_operations_destroy(ops);
            throw e;
        }
        return ops;
    }
}
