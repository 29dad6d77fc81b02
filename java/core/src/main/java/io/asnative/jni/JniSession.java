package io.asnative.jni;

import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.internal.CStatus;
import io.asnative.internal.NativeSession;
import io.asnative.internal.Ops;

import java.util.List;

/**
 * One connected {@code aerospike*} driven through JNI. Each call encodes its request into the
 * calling thread's {@link JniBuffers}, makes one native call (which makes the C client calls listed
 * on {@link NativeSession}), and decodes the result from the same thread's result buffer. Result
 * semantics mirror the FFM backend's {@code FfmSession} line for line.
 */
final class JniSession implements NativeSession {

    private final long as;

    JniSession(long as) {
        this.as = as;
    }

    // ---------------------------------------------------------------- single record

    @Override
    public void put(WritePolicy policy, Key key, Bin[] bins) {
        JniBuffers b = JniBuffers.get();
        try {
            JniEncoder.policy(b, policy);
            JniEncoder.key(b, key);
            JniEncoder.bins(b, bins);
            int status = JniNative.put(as, b.inAddress, b.pos, b.outAddress, b.outCapacity, b);
            check(b, status);
        } finally {
            b.trim();
        }
    }

    @Override
    public Record get(Policy policy, Key key, String[] binNames) {
        JniBuffers b = JniBuffers.get();
        try {
            JniEncoder.policy(b, policy);
            JniEncoder.key(b, key);
            if (binNames == null) {
                b.putByte(0);
            } else {
                b.putByte(1);
                JniEncoder.names(b, binNames);
            }
            int status = JniNative.get(as, b.inAddress, b.pos, b.outAddress, b.outCapacity, b);
            if (status == CStatus.ERR_RECORD_NOT_FOUND) {
                return null;
            }
            check(b, status);
            return new JniDecoder.Reader(b, 0).record(false);
        } finally {
            b.trim();
        }
    }

    @Override
    public Record getHeader(Policy policy, Key key) {
        JniBuffers b = JniBuffers.get();
        try {
            JniEncoder.policy(b, policy);
            JniEncoder.key(b, key);
            b.putByte(1);
            int status = JniNative.exists(as, b.inAddress, b.pos, b.outAddress, b.outCapacity, b);
            if (status == CStatus.ERR_RECORD_NOT_FOUND) {
                return null;
            }
            check(b, status);
            return new JniDecoder.Reader(b, 0).record(false);
        } finally {
            b.trim();
        }
    }

    @Override
    public boolean exists(Policy policy, Key key) {
        JniBuffers b = JniBuffers.get();
        try {
            JniEncoder.policy(b, policy);
            JniEncoder.key(b, key);
            b.putByte(0);
            int status = JniNative.exists(as, b.inAddress, b.pos, b.outAddress, b.outCapacity, b);
            if (status == CStatus.ERR_RECORD_NOT_FOUND) {
                return false;
            }
            check(b, status);
            return true;
        } finally {
            b.trim();
        }
    }

    @Override
    public boolean delete(WritePolicy policy, Key key) {
        JniBuffers b = JniBuffers.get();
        try {
            JniEncoder.policy(b, policy);
            JniEncoder.key(b, key);
            int status = JniNative.remove(as, b.inAddress, b.pos, b.outAddress, b.outCapacity, b);
            if (status == CStatus.ERR_RECORD_NOT_FOUND) {
                return false;
            }
            check(b, status);
            return true;
        } finally {
            b.trim();
        }
    }

    @Override
    public void touch(WritePolicy policy, Key key) {
        operate(policy, key, new Operation[] {Operation.touch()});
    }

    @Override
    public Record operate(WritePolicy policy, Key key, Operation[] operations) {
        JniBuffers b = JniBuffers.get();
        try {
            JniEncoder.policy(b, policy);
            JniEncoder.key(b, key);
            JniEncoder.operations(b, operations);
            int status = JniNative.operate(as, b.inAddress, b.pos, b.outAddress, b.outCapacity, b);
            if (status == CStatus.ERR_RECORD_NOT_FOUND && !Ops.hasWrite(operations)) {
                // A read-only operate on a missing record returns null in the Java client; a writing one throws.
                return null;
            }
            check(b, status);
            return new JniDecoder.Reader(b, 0).record(true);
        } finally {
            b.trim();
        }
    }

    // ---------------------------------------------------------------- batch

    @Override
    public Record[] batchGet(BatchPolicy policy, Key[] keys, BatchReadMode mode, String[] binNames) {
        JniBuffers b = JniBuffers.get();
        try {
            JniEncoder.batchRead(b, policy, keys, mode, binNames, true);
            int status = JniNative.batchRead(as, b.inAddress, b.pos, b.outAddress, b.outCapacity, b);
            check(b, status);
            JniDecoder.Reader r = new JniDecoder.Reader(b, 0);
            int n = r.i32();
            Record[] out = new Record[n];
            for (int i = 0; i < n; i++) {
                int result = r.i32();
                boolean inDoubt = r.u8() != 0;
                boolean hasRecord = r.u8() != 0;
                r.pos += 2;
                if (hasRecord) {
                    out[i] = r.record(false);
                }
                failOnRecordError(result, inDoubt);
            }
            return out;
        } finally {
            b.trim();
        }
    }

    @Override
    public boolean[] batchExists(BatchPolicy policy, Key[] keys) {
        JniBuffers b = JniBuffers.get();
        try {
            JniEncoder.batchRead(b, policy, keys, BatchReadMode.HEADER, null, false);
            int status = JniNative.batchRead(as, b.inAddress, b.pos, b.outAddress, b.outCapacity, b);
            check(b, status);
            JniDecoder.Reader r = new JniDecoder.Reader(b, 0);
            int n = r.i32();
            boolean[] exists = new boolean[n];
            for (int i = 0; i < n; i++) {
                int result = r.i32();
                boolean inDoubt = r.u8() != 0;
                r.pos += 3;
                exists[i] = result == CStatus.OK;
                failOnRecordError(result, inDoubt);
            }
            return exists;
        } finally {
            b.trim();
        }
    }

    /** Like the FFM backend: a uniform batch read fails on any per-key error but "not found" / "filtered out". */
    private static void failOnRecordError(int result, boolean inDoubt) {
        if (result != CStatus.OK && result != CStatus.ERR_RECORD_NOT_FOUND && result != CStatus.FILTERED_OUT) {
            throw CStatus.toException(result, null, inDoubt);
        }
    }

    @Override
    public boolean batchOperate(BatchPolicy policy, List<BatchRecord> records) {
        JniBuffers b = JniBuffers.get();
        try {
            JniEncoder.batchOperate(b, policy, records, hasWrite(records));
            int status = JniNative.batchOperate(as, b.inAddress, b.pos, b.outAddress, b.outCapacity, b);
            check(b, status);
            JniDecoder.Reader r = new JniDecoder.Reader(b, 0);
            int n = r.i32();
            boolean allOk = true;
            for (int i = 0; i < n; i++) {
                BatchRecord target = records.get(i);
                int result = r.i32();
                boolean inDoubt = r.u8() != 0;
                boolean hasRecord = r.u8() != 0;
                r.pos += 2;
                if (result == CStatus.OK) {
                    boolean isOperation = target.hasWrite || (target instanceof BatchRead && ((BatchRead) target).ops != null);
                    target.setRecord(hasRecord ? r.record(isOperation) : null);
                } else {
                    target.setError(CStatus.toResultCode(result), inDoubt);
                    allOk = false;
                }
            }
            return allOk;
        } finally {
            b.trim();
        }
    }

    private static boolean hasWrite(List<BatchRecord> records) {
        for (BatchRecord r : records) {
            if (r.hasWrite) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void close() {
        JniBuffers b = JniBuffers.get();
        // aerospike_close then aerospike_destroy; a failing close still destroys (nothing to throw to).
        JniNative.close(as, b.outAddress, b.outCapacity);
    }

    /** Also the JMH transition benchmark's trivial C call. */
    @Override
    public boolean isConnected() {
        return JniNative.isConnected(as);
    }

    private static void check(JniBuffers b, int status) {
        if (status != CStatus.OK) {
            throw JniDecoder.error(b, status);
        }
    }
}
