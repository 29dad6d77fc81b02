package io.asnative.jni;

import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Value;
import com.aerospike.client.command.ParticleType;
import com.aerospike.client.policy.BatchDeletePolicy;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.BatchReadPolicy;
import com.aerospike.client.policy.BatchWritePolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.internal.ConnectSpec;
import io.asnative.internal.NativeSession.BatchReadMode;
import io.asnative.internal.PolicyCodes;
import io.asnative.internal.ValueKind;

import java.util.List;

/**
 * Writes JNI requests into a thread's {@link JniBuffers}; {@code native/jni/asnative_jni_native.c}
 * reads them back with the same layout (native byte order, no alignment):
 *
 * <pre>
 * cstr      = u16 length, UTF-8 bytes, NUL          (names: namespace, set, bin, host, append text)
 * policy    = u8 present, then 20 x i32 (P_* in C)   (a null Java policy -> 0 -> NULL in C)
 * key       = cstr ns, cstr set, u8 KEY_*, 20-byte digest, then i64 | i32 length + bytes
 * value     = u8 VAL_*, then i64 | f64 | u8 | u8 particle type + i32 length + bytes
 * op        = u8 OP_*, cstr bin name ("" when none), then value | i64 | f64 | cstr
 * </pre>
 *
 * This is where the JNI path differs from the FFM one: FFM writes the C structs ({@code as_key},
 * {@code as_record}, {@code as_policy_*}) from Java, while here Java flattens the same facts into
 * one buffer and C fills the structs with the same C client calls. The conversions themselves
 * (ValueKind, PolicyCodes, string keys hashed as STRING particles, raw particle bytes for strings,
 * blobs, lists and maps) are shared with the FFM backend.
 */
final class JniEncoder {

    // Policy slots (same order as the P_* enum in the C glue).
    static final int POLICY_SLOTS = 20;

    static final int KEY_DIGEST = 0;
    static final int KEY_INT = 1;
    static final int KEY_STRING = 2;
    static final int KEY_BLOB = 3;

    static final int VAL_NIL = 0;
    static final int VAL_INT = 1;
    static final int VAL_DOUBLE = 2;
    static final int VAL_BOOL = 3;
    static final int VAL_PARTICLE = 4;

    static final int OP_READ = 1;
    static final int OP_READ_ALL = 2;
    static final int OP_WRITE = 3;
    static final int OP_ADD_INT = 4;
    static final int OP_ADD_DOUBLE = 5;
    static final int OP_APPEND = 6;
    static final int OP_PREPEND = 7;
    static final int OP_TOUCH = 8;
    static final int OP_DELETE = 9;

    static final int READ_ALL_BINS = 0;
    static final int READ_NAMED_BINS = 1;
    static final int READ_HEADER = 2;
    static final int READ_OPS = 3;

    static final int BATCH_READ = 0;
    static final int BATCH_WRITE = 1;
    static final int BATCH_REMOVE = 3;

    private JniEncoder() {
    }

    // ------------------------------------------------------------------ connect

    static void connect(JniBuffers b, ConnectSpec spec) {
        List<Host> hosts = spec.hosts();
        b.putInt(hosts.size());
        for (Host host : hosts) {
            b.putCString(host.name);
            b.putShort(host.port);
        }
        if (spec.clusterName() != null && !spec.clusterName().isEmpty()) {
            b.putByte(1);
            b.putCString(spec.clusterName());
        } else {
            b.putByte(0);
        }
        if (spec.user() != null && !spec.user().isEmpty()) {
            b.putByte(1);
            b.putCString(spec.user());
            b.putCString(spec.password() == null ? "" : spec.password());
        } else {
            b.putByte(0);
        }
        b.putInt(spec.connectTimeoutMs());
        b.putInt(spec.loginTimeoutMs());
        b.putInt(spec.minConnsPerNode());
        b.putInt(spec.maxConnsPerNode());
        b.putInt(spec.maxSocketIdleSeconds());
        b.putInt(spec.tendIntervalMs());
        b.putInt(spec.maxErrorRate());
        b.putInt(spec.errorRateWindow());
        b.putByte(spec.failIfNotConnected() ? 1 : 0);
    }

    // ------------------------------------------------------------------ policies

    /** Read, write, operate and remove policies: base + read fields + write fields (zero for reads). */
    static void policy(JniBuffers b, Policy p) {
        if (p == null) {
            b.putByte(0);
            return;
        }
        b.putByte(1);
        base(b, p);
        if (p instanceof WritePolicy) {
            WritePolicy w = (WritePolicy) p;
            b.putInt(PolicyCodes.commitLevel(w.commitLevel));
            b.putInt(PolicyCodes.generation(w.generationPolicy));
            b.putInt(PolicyCodes.exists(w.recordExistsAction));
            b.putInt(w.durableDelete ? 1 : 0);
            b.putInt(w.respondAllOps ? 1 : 0);
            b.putInt(PolicyCodes.ttl(w.expiration));
            b.putInt(w.generation);
            b.putInt(w.onLockingOnly ? 1 : 0);
        } else {
            for (int i = 0; i < 8; i++) {
                b.putInt(0);
            }
        }
    }

    /**
     * Batch parent policy: base + read fields + concurrent, allowInline, allowInlineSSD,
     * respondAllKeys. (sendSetName keeps the C client's default, as in the FFM backend.)
     */
    static void batchPolicy(JniBuffers b, BatchPolicy p) {
        if (p == null) {
            b.putByte(0);
            return;
        }
        b.putByte(1);
        base(b, p);
        b.putInt(p.maxConcurrentThreads != 1 ? 1 : 0);
        b.putInt(p.allowInline ? 1 : 0);
        b.putInt(p.allowInlineSSD ? 1 : 0);
        b.putInt(p.respondAllKeys ? 1 : 0);
        for (int i = 0; i < 4; i++) {
            b.putInt(0);
        }
    }

    private static void base(JniBuffers b, Policy p) {
        b.putInt(p.totalTimeout);
        b.putInt(p.socketTimeout);
        b.putInt(p.connectTimeout);
        b.putInt(p.timeoutDelay);
        b.putInt(p.maxRetries);
        b.putInt(p.sleepBetweenRetries);
        b.putInt(p.compress ? 1 : 0);
        b.putInt(p.sendKey ? PolicyCodes.KEY_SEND : PolicyCodes.KEY_DIGEST);
        b.putInt(PolicyCodes.replica(p.replica));
        b.putInt(PolicyCodes.readModeAp(p.readModeAP));
        b.putInt(PolicyCodes.readModeSc(p.readModeSC));
        b.putInt(p.readTouchTtlPercent);
    }

    // ------------------------------------------------------------------ keys and values

    static void key(JniBuffers b, Key key) {
        b.putCString(key.namespace);
        b.putCString(key.setName == null ? "" : key.setName);
        Value userKey = key.userKey;
        int type = userKey == null ? ParticleType.NULL : userKey.getType();
        switch (type) {
            case ParticleType.INTEGER -> {
                b.putByte(KEY_INT);
                b.putBytes(key.digest, 0, 20);
                b.putLong(userKey.toLong());
            }
            case ParticleType.STRING -> {
                // as_key_init_rawp + particle type STRING in C: hashes like the Java client's String key.
                b.putByte(KEY_STRING);
                b.putBytes(key.digest, 0, 20);
                b.putStringBytes(userKey.toString());
            }
            case ParticleType.BLOB -> {
                b.putByte(KEY_BLOB);
                b.putBytes(key.digest, 0, 20);
                particleBytes(b, userKey);
            }
            default -> {
                b.putByte(KEY_DIGEST);
                b.putBytes(key.digest, 0, 20);
            }
        }
    }

    static void bins(JniBuffers b, Bin[] bins) {
        b.putShort(bins.length);
        for (Bin bin : bins) {
            b.putCString(bin.name);
            value(b, bin.value);
        }
    }

    static void value(JniBuffers b, Value v) {
        if (v == null) {
            b.putByte(VAL_NIL);
            return;
        }
        switch (ValueKind.of(v)) {
            case NIL -> b.putByte(VAL_NIL);
            case INT64 -> {
                b.putByte(VAL_INT);
                b.putLong(v.toLong());
            }
            case DOUBLE -> {
                b.putByte(VAL_DOUBLE);
                b.putDouble(((Number) v.getObject()).doubleValue());
            }
            case BOOL -> {
                b.putByte(VAL_BOOL);
                b.putByte(Boolean.TRUE.equals(v.getObject()) ? 1 : 0);
            }
            case STRING -> {
                b.putByte(VAL_PARTICLE);
                b.putByte(ParticleType.STRING);
                b.putStringBytes(v.toString());
            }
            case PARTICLE -> {
                b.putByte(VAL_PARTICLE);
                b.putByte(v.getType());
                particleBytes(b, v);
            }
        }
    }

    /** [i32 length][particle bytes]: blobs as they are, lists and maps packed by the Java client. */
    private static void particleBytes(JniBuffers b, Value v) {
        if (v instanceof Value.BytesValue) {
            byte[] bytes = (byte[]) v.getObject();
            b.putInt(bytes.length);
            b.putBytes(bytes, 0, bytes.length);
            return;
        }
        int size = v.estimateSize();
        byte[] scratch = b.scratch(size);
        v.write(scratch, 0);
        b.putInt(size);
        b.putBytes(scratch, 0, size);
    }

    // ------------------------------------------------------------------ operations

    /** @return true when an operation was written that the C client can run (READ_HEADER is not one). */
    static boolean operations(JniBuffers b, Operation[] ops) {
        int countAt = b.pos;
        b.putShort(0);
        int count = 0;
        for (Operation op : ops) {
            if (operation(b, op)) {
                count++;
            }
        }
        b.in.putShort(countAt, (short) count);
        return count > 0;
    }

    private static boolean operation(JniBuffers b, Operation op) {
        String name = op.binName == null ? "" : op.binName;
        switch (op.type) {
            case READ -> {
                b.putByte(op.binName == null ? OP_READ_ALL : OP_READ);
                b.putCString(name);
            }
            case READ_HEADER -> {
                // The C client has no read-header operation; the header (generation, ttl) comes back
                // with every operate response anyway.
                return false;
            }
            case WRITE -> {
                b.putByte(OP_WRITE);
                b.putCString(name);
                value(b, op.value);
            }
            case ADD -> {
                if (op.value.getType() == ParticleType.DOUBLE) {
                    b.putByte(OP_ADD_DOUBLE);
                    b.putCString(name);
                    b.putDouble(((Number) op.value.getObject()).doubleValue());
                } else {
                    b.putByte(OP_ADD_INT);
                    b.putCString(name);
                    b.putLong(op.value.toLong());
                }
            }
            case APPEND, PREPEND -> {
                b.putByte(op.type == Operation.Type.APPEND ? OP_APPEND : OP_PREPEND);
                b.putCString(name);
                b.putCString(op.value.toString());
            }
            case TOUCH -> {
                b.putByte(OP_TOUCH);
                b.putCString("");
            }
            case DELETE -> {
                b.putByte(OP_DELETE);
                b.putCString("");
            }
            default -> throw new UnsupportedOperationException(
                    "Operation type " + op.type + " is not supported by the native client yet");
        }
        return true;
    }

    // ------------------------------------------------------------------ batch

    static void batchRead(JniBuffers b, BatchPolicy policy, Key[] keys, BatchReadMode mode, String[] binNames,
                          boolean withRecords) {
        batchPolicy(b, policy);
        switch (mode) {
            case ALL_BINS -> b.putByte(READ_ALL_BINS);
            case NAMED_BINS -> b.putByte(READ_NAMED_BINS);
            case HEADER -> b.putByte(READ_HEADER);
        }
        b.putByte(withRecords ? 1 : 0);
        if (mode == BatchReadMode.NAMED_BINS) {
            names(b, binNames);
        }
        b.putInt(keys.length);
        for (Key key : keys) {
            key(b, key);
        }
    }

    static void batchOperate(JniBuffers b, BatchPolicy policy, List<BatchRecord> records, boolean anyWrite) {
        batchPolicy(b, policy);
        b.putByte(anyWrite ? 1 : 0);
        b.putInt(records.size());
        for (BatchRecord r : records) {
            if (r instanceof BatchRead) {
                BatchRead read = (BatchRead) r;
                b.putByte(BATCH_READ);
                key(b, r.key);
                BatchReadPolicy p = read.policy;
                if (p == null) {
                    b.putByte(0);
                } else {
                    b.putByte(1);
                    b.putInt(PolicyCodes.readModeAp(p.readModeAP));
                    b.putInt(PolicyCodes.readModeSc(p.readModeSC));
                    b.putInt(p.readTouchTtlPercent);
                }
                if (read.ops != null) {
                    b.putByte(READ_OPS);
                    operationsOrHeader(b, read.ops);
                } else if (read.binNames != null) {
                    b.putByte(READ_NAMED_BINS);
                    names(b, read.binNames);
                } else {
                    b.putByte(read.readAllBins ? READ_ALL_BINS : READ_HEADER);
                }
            } else if (r instanceof BatchWrite) {
                BatchWrite write = (BatchWrite) r;
                b.putByte(BATCH_WRITE);
                key(b, r.key);
                BatchWritePolicy p = write.policy;
                if (p == null) {
                    b.putByte(0);
                } else {
                    b.putByte(1);
                    b.putInt(p.sendKey ? PolicyCodes.KEY_SEND : PolicyCodes.KEY_DIGEST);
                    b.putInt(PolicyCodes.commitLevel(p.commitLevel));
                    b.putInt(PolicyCodes.generation(p.generationPolicy));
                    b.putInt(PolicyCodes.exists(p.recordExistsAction));
                    b.putInt(p.durableDelete ? 1 : 0);
                    b.putInt(p.onLockingOnly ? 1 : 0);
                    b.putInt(PolicyCodes.ttl(p.expiration));
                    b.putInt(p.generation);
                }
                operations(b, write.ops);
            } else {
                BatchDelete delete = (BatchDelete) r;
                b.putByte(BATCH_REMOVE);
                key(b, r.key);
                BatchDeletePolicy p = delete.policy;
                if (p == null) {
                    b.putByte(0);
                } else {
                    b.putByte(1);
                    b.putInt(p.sendKey ? PolicyCodes.KEY_SEND : PolicyCodes.KEY_DIGEST);
                    b.putInt(PolicyCodes.commitLevel(p.commitLevel));
                    b.putInt(PolicyCodes.generation(p.generationPolicy));
                    b.putInt(p.generation);
                    b.putInt(p.durableDelete ? 1 : 0);
                }
            }
        }
    }

    /** Batch read operations; a list of only READ_HEADER reads becomes a header read. */
    private static void operationsOrHeader(JniBuffers b, Operation[] ops) {
        int modeAt = b.pos - 1;
        if (!operations(b, ops)) {
            b.pos = modeAt;
            b.putByte(READ_HEADER);
        }
    }

    static void names(JniBuffers b, String[] names) {
        b.putShort(names.length);
        for (String name : names) {
            b.putCString(name);
        }
    }
}
