package io.asnative.ffm;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.ffm.layout.Aerospike;
import io.asnative.ffm.layout.AsBatchRecord;
import io.asnative.ffm.layout.AsBatchRecords;
import io.asnative.ffm.layout.AsConfig;
import io.asnative.ffm.layout.AsError;
import io.asnative.ffm.layout.AsOperations;
import io.asnative.ffm.layout.AsRecord;
import io.asnative.internal.CStatus;
import io.asnative.internal.NativeSession;
import io.asnative.internal.Ops;
import io.asnative.internal.PolicyCodes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * One connected {@code aerospike*} driven through FFM. Every call owns its native memory through
 * one confined {@link Arena}, closed on every path; what the C client allocates (records, bins,
 * operation entries, batch items) is freed by its own destroy call in a {@code finally}.
 */
final class FfmSession implements NativeSession {

    private final MemorySegment as;
    private final PolicyWriter policies;

    FfmSession(MemorySegment as) {
        this.as = as;
        this.policies = new PolicyWriter(AsConfig.policies(Aerospike.config(as)));
    }

    // ---------------------------------------------------------------- single record

    @Override
    public void put(WritePolicy policy, Key key, Bin[] bins) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
            MemorySegment k = KeyWriter.write(arena, key);
            MemorySegment rec = arena.allocate(AsRecord.SIZEOF, AsRecord.ALIGN);
            CClient.as_record_init(rec, (short) bins.length);
            try {
                BinWriter.setBins(arena, rec, bins);
                AsRecord.ttl(rec, policy == null ? PolicyCodes.TTL_CLIENT_DEFAULT : PolicyCodes.ttl(policy.expiration));
                AsRecord.gen(rec, policy == null ? 0 : policy.generation);
                int status = CClient.aerospike_key_put(as, err, policies.write(arena, policy), k, rec);
                check(status, err);
            } finally {
                CClient.as_record_destroy(rec);
            }
        }
    }

    @Override
    public Record get(Policy policy, Key key, String[] binNames) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
            MemorySegment k = KeyWriter.write(arena, key);
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment p = policies.read(arena, policy);
            int status = binNames == null
                    ? CClient.aerospike_key_get(as, err, p, k, out)
                    : CClient.aerospike_key_select(as, err, p, k, nullTerminated(arena, binNames), out);
            return takeRecord(status, err, out, false, false);
        }
    }

    @Override
    public Record getHeader(Policy policy, Key key) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
            MemorySegment k = KeyWriter.write(arena, key);
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            int status = CClient.aerospike_key_exists(as, err, policies.read(arena, policy), k, out);
            return takeRecord(status, err, out, true, false);
        }
    }

    @Override
    public boolean exists(Policy policy, Key key) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
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
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
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
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
            MemorySegment k = KeyWriter.write(arena, key);
            MemorySegment ops = arena.allocate(AsOperations.SIZEOF, AsOperations.ALIGN);
            CClient.as_operations_init(ops, (short) operations.length);
            try {
                OperationWriter.add(arena, ops, operations);
                AsOperations.ttl(ops, policy == null ? PolicyCodes.TTL_CLIENT_DEFAULT : PolicyCodes.ttl(policy.expiration));
                AsOperations.gen(ops, policy == null ? 0 : policy.generation);
                MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
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
        MemorySegment rec = out.get(ValueLayout.ADDRESS, 0);
        if (rec.address() == 0) {
            if (status == CStatus.ERR_RECORD_NOT_FOUND) {
                return null;
            }
            check(status, err);
            return null;
        }
        rec = rec.reinterpret(AsRecord.SIZEOF);
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
        Record[] out = new Record[keys.length];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment names = mode == BatchReadMode.NAMED_BINS ? nullTerminated(arena, binNames) : MemorySegment.NULL;
            int nNames = mode == BatchReadMode.NAMED_BINS ? binNames.length : 0;
            MemorySegment records = arena.allocate(AsBatchRecords.SIZEOF, AsBatchRecords.ALIGN);
            CClient.as_vector_init(records, (int) AsBatchRecord.SIZEOF, keys.length);
            try {
                MemorySegment items = AsBatchRecords.reserveAll(records, keys.length);
                for (int i = 0; i < keys.length; i++) {
                    MemorySegment r = AsBatchRecord.at(items, i);
                    KeyWriter.writeInto(arena, AsBatchRecord.key(r), keys[i]);
                    AsBatchRecord.read(r, mode == BatchReadMode.ALL_BINS, names, nNames, MemorySegment.NULL);
                }
                MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
                check(CClient.aerospike_batch_read(as, err, policies.batch(arena, policy, false), records), err);
                for (int i = 0; i < keys.length; i++) {
                    MemorySegment r = AsBatchRecord.at(items, i);
                    int result = AsBatchRecord.result(r);
                    if (result == CStatus.OK) {
                        MemorySegment rec = AsBatchRecord.record(r);
                        out[i] = mode == BatchReadMode.HEADER ? RecordReader.header(rec) : RecordReader.read(rec, false);
                    } else if (result != CStatus.ERR_RECORD_NOT_FOUND && result != CStatus.FILTERED_OUT) {
                        throw CStatus.toException(result, null, AsBatchRecord.inDoubt(r));
                    }
                }
            } finally {
                CClient.as_batch_records_destroy(records);
            }
        }
        return out;
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
        int n = list.size();
        boolean hasWrite = false;
        for (BatchRecord r : list) {
            hasWrite |= r.hasWrite;
        }
        MemorySegment[] opsToDestroy = new MemorySegment[n];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment records = arena.allocate(AsBatchRecords.SIZEOF, AsBatchRecords.ALIGN);
            CClient.as_vector_init(records, (int) AsBatchRecord.SIZEOF, n);
            try {
                MemorySegment items = AsBatchRecords.reserveAll(records, n);
                for (int i = 0; i < n; i++) {
                    opsToDestroy[i] = describe(arena, AsBatchRecord.at(items, i), list.get(i));
                }
                MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
                MemorySegment p = policies.batch(arena, policy, hasWrite);
                int status = hasWrite
                        ? CClient.aerospike_batch_write(as, err, p, records)
                        : CClient.aerospike_batch_read(as, err, p, records);
                if (status != CStatus.OK && status != CStatus.BATCH_FAILED) {
                    check(status, err);
                }
                boolean allOk = true;
                for (int i = 0; i < n; i++) {
                    MemorySegment r = AsBatchRecord.at(items, i);
                    BatchRecord target = list.get(i);
                    int result = AsBatchRecord.result(r);
                    if (result == CStatus.OK) {
                        target.setRecord(RecordReader.read(AsBatchRecord.record(r), target.hasWrite || target instanceof BatchRead br && br.ops != null));
                    } else {
                        target.setError(CStatus.toResultCode(result), AsBatchRecord.inDoubt(r));
                        allOk = false;
                    }
                }
                return allOk;
            } finally {
                CClient.as_batch_records_destroy(records);
                for (MemorySegment ops : opsToDestroy) {
                    if (ops != null) {
                        CClient.as_operations_destroy(ops);
                    }
                }
            }
        }
    }

    /** Fills one batch item; returns the {@code as_operations} it references (to destroy), or null. */
    private MemorySegment describe(Arena arena, MemorySegment item, BatchRecord record) {
        KeyWriter.writeInto(arena, AsBatchRecord.key(item), record.key);
        if (record instanceof BatchRead read) {
            MemorySegment ops = read.ops == null ? MemorySegment.NULL : operations(arena, read.ops, null);
            MemorySegment names = read.binNames == null ? MemorySegment.NULL : nullTerminated(arena, read.binNames);
            int nNames = read.binNames == null ? 0 : read.binNames.length;
            AsBatchRecord.read(item, read.readAllBins, names, nNames, ops);
            return read.ops == null ? null : ops;
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

    private static MemorySegment operations(Arena arena, Operation[] operations, com.aerospike.client.policy.BatchWritePolicy policy) {
        MemorySegment ops = arena.allocate(AsOperations.SIZEOF, AsOperations.ALIGN);
        CClient.as_operations_init(ops, (short) operations.length);
        try {
            OperationWriter.add(arena, ops, operations);
        } catch (RuntimeException e) {
            CClient.as_operations_destroy(ops);
            throw e;
        }
        AsOperations.ttl(ops, policy == null ? PolicyCodes.TTL_CLIENT_DEFAULT : PolicyCodes.ttl(policy.expiration));
        AsOperations.gen(ops, policy == null ? 0 : policy.generation);
        return ops;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void close() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
            CClient.aerospike_close(as, err);
        } finally {
            CClient.aerospike_destroy(as);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A NULL-terminated {@code const char*[]} of the names, in the arena. */
    static MemorySegment nullTerminated(Arena arena, String[] names) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, names.length + 1L);
        for (int i = 0; i < names.length; i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(names[i]));
        }
        return array;
    }

    static void check(int status, MemorySegment err) {
        if (status != CStatus.OK) {
            throw CStatus.toException(status, AsError.message(err), AsError.inDoubt(err));
        }
    }
}
