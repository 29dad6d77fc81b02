package io.asnative.ffm;

import com.aerospike.client.BatchRecord;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.ffm.layout.Aerospike;
import io.asnative.ffm.layout.AsConfig;
import io.asnative.ffm.layout.AsError;
import io.asnative.ffm.layout.AsOperations;
import io.asnative.ffm.layout.AsRecord;
import io.asnative.internal.CStatus;
import io.asnative.internal.NativeSession;
import io.asnative.internal.Ops;
import io.asnative.internal.PolicyCodes;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * One connected {@code aerospike*} driven through FFM. Every call owns its native memory through
 * one {@link CallArena} (a per-thread scratch block), closed on every path; what the C client allocates (records, bins,
 * operation entries, batch items) is freed by its own destroy call in a {@code finally}.
 */
final class FfmSession implements NativeSession {

    private final MemorySegment as;
    private final PolicyWriter policies;
    private final FfmAsyncSession async;

    /** @param asyncConfig null for a sync-only session */
    FfmSession(MemorySegment as, io.asnative.AsyncConfig asyncConfig) {
        this.as = as;
        this.policies = new PolicyWriter(AsConfig.policies(Aerospike.config(as)));
        this.async = asyncConfig == null ? null : new FfmAsyncSession(as, policies, asyncConfig);
    }

    @Override
    public io.asnative.internal.AsyncSession async() {
        if (async == null) {
            return NativeSession.super.async();
        }
        return async;
    }

    // ---------------------------------------------------------------- single record

    @Override
    public void put(WritePolicy policy, Key key, Bin[] bins) {
        try (CallArena arena = CallArena.open()) {
            MemorySegment err = arena.singleRecordError();
            MemorySegment k = KeyWriter.write(arena, key);
            MemorySegment rec = arena.allocate(AsRecord.SIZEOF, AsRecord.ALIGN);
            CClient.as_record_init(rec, (short) bins.length);
            try {
                BinWriter.fillPutRecord(arena, rec, policy, bins);
                int status = CClient.aerospike_key_put(as, err, policies.write(arena, policy), k, rec);
                check(status, err);
            } finally {
                CClient.as_record_destroy(rec);
            }
        }
    }

    @Override
    public Record get(Policy policy, Key key, String[] binNames) {
        try (CallArena arena = CallArena.open()) {
            MemorySegment err = arena.singleRecordError();
            MemorySegment k = KeyWriter.write(arena, key);
            MemorySegment out = arena.resultPointer();
            MemorySegment p = policies.read(arena, policy);
            int status = binNames == null
                    ? CClient.aerospike_key_get(as, err, p, k, out)
                    : CClient.aerospike_key_select(as, err, p, k, nullTerminated(arena, binNames), out);
            return takeRecord(status, err, out, false, false);
        }
    }

    @Override
    public Record getHeader(Policy policy, Key key) {
        try (CallArena arena = CallArena.open()) {
            MemorySegment err = arena.singleRecordError();
            MemorySegment k = KeyWriter.write(arena, key);
            MemorySegment out = arena.resultPointer();
            int status = CClient.aerospike_key_exists(as, err, policies.read(arena, policy), k, out);
            return takeRecord(status, err, out, true, false);
        }
    }

    @Override
    public boolean exists(Policy policy, Key key) {
        try (CallArena arena = CallArena.open()) {
            MemorySegment err = arena.singleRecordError();
            MemorySegment k = KeyWriter.write(arena, key);
            int status = CClient.aerospike_key_exists(as, err, policies.read(arena, policy), k, MemorySegment.NULL);
            if (status == CStatus.ERR_RECORD_NOT_FOUND) {
                return false;
            }
            check(status, err);
            return true;
        }
    }

    @Override
    public boolean delete(WritePolicy policy, Key key) {
        try (CallArena arena = CallArena.open()) {
            MemorySegment err = arena.singleRecordError();
            MemorySegment k = KeyWriter.write(arena, key);
            int status = CClient.aerospike_key_remove(as, err, policies.remove(arena, policy), k);
            if (status == CStatus.ERR_RECORD_NOT_FOUND) {
                return false;
            }
            check(status, err);
            return true;
        }
    }

    @Override
    public void touch(WritePolicy policy, Key key) {
        operate(policy, key, new Operation[] {Operation.touch()});
    }

    @Override
    public Record operate(WritePolicy policy, Key key, Operation[] operations) {
        try (CallArena arena = CallArena.open()) {
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
            MemorySegment k = KeyWriter.write(arena, key);
            MemorySegment ops = arena.allocate(AsOperations.SIZEOF, AsOperations.ALIGN);
            CClient.as_operations_init(ops, (short) operations.length);
            try {
                OperationWriter.fill(arena, ops, operations, PolicyCodes.recordTtl(policy), PolicyCodes.recordGeneration(policy));
                MemorySegment out = arena.resultPointer();
                int status = CClient.aerospike_key_operate(as, err, policies.operate(arena, policy), k, ops, out);
                if (status == CStatus.ERR_RECORD_NOT_FOUND && Ops.hasWrite(operations)) {
                    // A writing operate on a missing record is an error in the Java client; a read-only one returns null.
                    throw CStatus.toException(status, AsError.message(err), AsError.inDoubt(err));
                }
                return takeRecord(status, err, out, false, true);
            } finally {
                CClient.as_operations_destroy(ops);
            }
        }
    }

    /** Reads the record C allocated (if any) and frees it; null for "not found". */
    private static Record takeRecord(int status, MemorySegment err, MemorySegment out, boolean headerOnly, boolean isOperation) {
        long rec = out.get(ValueLayout.JAVA_LONG, 0); // an address, read at raw addresses: see CMemory
        if (rec == 0) {
            if (status == CStatus.ERR_RECORD_NOT_FOUND) {
                return null;
            }
            check(status, err);
            return null;
        }
        try {
            if (status == CStatus.ERR_RECORD_NOT_FOUND) {
                return null;
            }
            check(status, err);
            return headerOnly ? RecordReader.header(rec) : RecordReader.read(rec, isOperation);
        } finally {
            CClient.as_record_destroy(rec);
        }
    }

    // ---------------------------------------------------------------- batch

    @Override
    public Record[] batchGet(BatchPolicy policy, Key[] keys, BatchReadMode mode, String[] binNames) {
        try (CallArena arena = CallArena.open()) {
            BatchWriter batch = BatchWriter.reads(arena, keys, mode, binNames);
            try {
                MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
                check(CClient.aerospike_batch_read(as, err, policies.batch(arena, policy, false), batch.records), err);
                return batch.readResults(mode);
            } finally {
                batch.destroy();
            }
        }
    }

    @Override
    public boolean[] batchExists(BatchPolicy policy, Key[] keys) {
        Record[] headers = batchGet(policy, keys, BatchReadMode.HEADER, null);
        boolean[] exists = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            exists[i] = headers[i] != null;
        }
        return exists;
    }

    @Override
    public boolean batchOperate(BatchPolicy policy, List<BatchRecord> list) {
        boolean hasWrite = hasWrite(list);
        try (CallArena arena = CallArena.open()) {
            BatchWriter batch = BatchWriter.records(arena, list, policies);
            try {
                MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
                MemorySegment p = policies.batch(arena, policy, hasWrite);
                int status = hasWrite
                        ? CClient.aerospike_batch_write(as, err, p, batch.records)
                        : CClient.aerospike_batch_read(as, err, p, batch.records);
                if (status != CStatus.OK && status != CStatus.BATCH_FAILED) {
                    check(status, err);
                }
                return batch.fillResults(list);
            } finally {
                batch.destroy();
            }
        }
    }

    static boolean hasWrite(List<BatchRecord> list) {
        for (BatchRecord r : list) {
            if (r.hasWrite) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void close() {
        if (async != null) {
            async.drain();
        }
        try (CallArena arena = CallArena.open()) {
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
            CClient.aerospike_close(as, err);
        } finally {
            CClient.aerospike_destroy(as);
            if (async != null) {
                EventLoops.release();
            }
        }
    }

    @Override
    public boolean isConnected() {
        return CClient.aerospike_cluster_is_connected(as);
    }

    // ---------------------------------------------------------------- helpers

    /** A NULL-terminated {@code const char*[]} of the names, in the arena. */
    static MemorySegment nullTerminated(SegmentAllocator arena, String[] names) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, names.length + 1L);
        for (int i = 0; i < names.length; i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, CStrings.name(names[i], arena));
        }
        return array;
    }

    static void check(int status, MemorySegment err) {
        if (status != CStatus.OK) {
            throw CStatus.toException(status, AsError.message(err), AsError.inDoubt(err));
        }
    }
}
