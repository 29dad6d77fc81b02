package io.asnative.ffm;

import com.aerospike.client.policy.BatchDeletePolicy;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.BatchWritePolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.ffm.layout.AsPolicies;
import io.asnative.ffm.layout.AsPolicyBase;
import io.asnative.ffm.layout.AsPolicyBatch;
import io.asnative.ffm.layout.AsPolicyBatchRemove;
import io.asnative.ffm.layout.AsPolicyBatchWrite;
import io.asnative.ffm.layout.AsPolicyOperate;
import io.asnative.ffm.layout.AsPolicyRead;
import io.asnative.ffm.layout.AsPolicyRemove;
import io.asnative.ffm.layout.AsPolicyWrite;
import io.asnative.internal.PolicyCodes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Java policy -> C policy struct. A null Java policy is {@code NULL} in C (the client's defaults,
 * no copy). Otherwise the struct starts as a copy of the client's default of that kind, so fields
 * the Java policy has no word for keep the C client's values, then every field the Java policy
 * does name is set from it. {@code deserialize} stays false: lists and maps come back as msgpack.
 */
final class PolicyWriter {

    private final MemorySegment defaults;

    /** @param defaults the client's {@code as_policies} (inside its {@code as_config}) */
    PolicyWriter(MemorySegment defaults) {
        this.defaults = defaults;
    }

    MemorySegment read(SegmentAllocator arena, Policy p) {
        if (p == null) {
            return MemorySegment.NULL;
        }
        MemorySegment s = copyDefault(arena, AsPolicies.READ, AsPolicyRead.SIZEOF);
        base(s, p);
        s.set(JAVA_INT, AsPolicyRead.KEY, p.sendKey ? PolicyCodes.KEY_SEND : PolicyCodes.KEY_DIGEST);
        s.set(JAVA_INT, AsPolicyRead.REPLICA, PolicyCodes.replica(p.replica));
        s.set(JAVA_INT, AsPolicyRead.READ_MODE_AP, PolicyCodes.readModeAp(p.readModeAP));
        s.set(JAVA_INT, AsPolicyRead.READ_MODE_SC, PolicyCodes.readModeSc(p.readModeSC));
        s.set(JAVA_INT, AsPolicyRead.READ_TOUCH_TTL_PERCENT, p.readTouchTtlPercent);
        s.set(JAVA_BOOLEAN, AsPolicyRead.DESERIALIZE, false);
        return s;
    }

    MemorySegment write(SegmentAllocator arena, WritePolicy p) {
        if (p == null) {
            return MemorySegment.NULL;
        }
        MemorySegment s = copyDefault(arena, AsPolicies.WRITE, AsPolicyWrite.SIZEOF);
        base(s, p);
        s.set(JAVA_INT, AsPolicyWrite.KEY, p.sendKey ? PolicyCodes.KEY_SEND : PolicyCodes.KEY_DIGEST);
        s.set(JAVA_INT, AsPolicyWrite.REPLICA, PolicyCodes.replica(p.replica));
        s.set(JAVA_INT, AsPolicyWrite.COMMIT_LEVEL, PolicyCodes.commitLevel(p.commitLevel));
        s.set(JAVA_INT, AsPolicyWrite.GEN, PolicyCodes.generation(p.generationPolicy));
        s.set(JAVA_INT, AsPolicyWrite.EXISTS, PolicyCodes.exists(p.recordExistsAction));
        s.set(JAVA_INT, AsPolicyWrite.TTL, PolicyCodes.ttl(p.expiration));
        s.set(JAVA_BOOLEAN, AsPolicyWrite.DURABLE_DELETE, p.durableDelete);
        s.set(JAVA_BOOLEAN, AsPolicyWrite.ON_LOCKING_ONLY, p.onLockingOnly);
        return s;
    }

    MemorySegment operate(SegmentAllocator arena, WritePolicy p) {
        if (p == null) {
            return MemorySegment.NULL;
        }
        MemorySegment s = copyDefault(arena, AsPolicies.OPERATE, AsPolicyOperate.SIZEOF);
        base(s, p);
        s.set(JAVA_INT, AsPolicyOperate.KEY, p.sendKey ? PolicyCodes.KEY_SEND : PolicyCodes.KEY_DIGEST);
        s.set(JAVA_INT, AsPolicyOperate.REPLICA, PolicyCodes.replica(p.replica));
        s.set(JAVA_INT, AsPolicyOperate.READ_MODE_AP, PolicyCodes.readModeAp(p.readModeAP));
        s.set(JAVA_INT, AsPolicyOperate.READ_MODE_SC, PolicyCodes.readModeSc(p.readModeSC));
        s.set(JAVA_INT, AsPolicyOperate.COMMIT_LEVEL, PolicyCodes.commitLevel(p.commitLevel));
        s.set(JAVA_INT, AsPolicyOperate.GEN, PolicyCodes.generation(p.generationPolicy));
        s.set(JAVA_INT, AsPolicyOperate.EXISTS, PolicyCodes.exists(p.recordExistsAction));
        s.set(JAVA_INT, AsPolicyOperate.TTL, PolicyCodes.ttl(p.expiration));
        s.set(JAVA_INT, AsPolicyOperate.READ_TOUCH_TTL_PERCENT, p.readTouchTtlPercent);
        s.set(JAVA_BOOLEAN, AsPolicyOperate.DESERIALIZE, false);
        s.set(JAVA_BOOLEAN, AsPolicyOperate.DURABLE_DELETE, p.durableDelete);
        s.set(JAVA_BOOLEAN, AsPolicyOperate.ON_LOCKING_ONLY, p.onLockingOnly);
        s.set(JAVA_BOOLEAN, AsPolicyOperate.RESPOND_ALL_OPS, p.respondAllOps);
        return s;
    }

    MemorySegment remove(SegmentAllocator arena, WritePolicy p) {
        if (p == null) {
            return MemorySegment.NULL;
        }
        MemorySegment s = copyDefault(arena, AsPolicies.REMOVE, AsPolicyRemove.SIZEOF);
        base(s, p);
        s.set(JAVA_INT, AsPolicyRemove.KEY, p.sendKey ? PolicyCodes.KEY_SEND : PolicyCodes.KEY_DIGEST);
        s.set(JAVA_INT, AsPolicyRemove.REPLICA, PolicyCodes.replica(p.replica));
        s.set(JAVA_INT, AsPolicyRemove.COMMIT_LEVEL, PolicyCodes.commitLevel(p.commitLevel));
        s.set(JAVA_INT, AsPolicyRemove.GEN, PolicyCodes.generation(p.generationPolicy));
        s.set(ValueLayout.JAVA_SHORT, AsPolicyRemove.GENERATION, (short) p.generation);
        s.set(JAVA_BOOLEAN, AsPolicyRemove.DURABLE_DELETE, p.durableDelete);
        return s;
    }

    /** @param forWrite a batch with any write starts from the client's {@code batch_parent_write} default */
    MemorySegment batch(SegmentAllocator arena, BatchPolicy p, boolean forWrite) {
        if (p == null) {
            return MemorySegment.NULL;
        }
        MemorySegment s = copyDefault(arena, forWrite ? AsPolicies.BATCH_PARENT_WRITE : AsPolicies.BATCH, AsPolicyBatch.SIZEOF);
        base(s, p);
        s.set(JAVA_INT, AsPolicyBatch.REPLICA, PolicyCodes.replica(p.replica));
        s.set(JAVA_INT, AsPolicyBatch.READ_MODE_AP, PolicyCodes.readModeAp(p.readModeAP));
        s.set(JAVA_INT, AsPolicyBatch.READ_MODE_SC, PolicyCodes.readModeSc(p.readModeSC));
        s.set(JAVA_INT, AsPolicyBatch.READ_TOUCH_TTL_PERCENT, p.readTouchTtlPercent);
        // Java: maxConcurrentThreads 1 = node by node; the C client has only "concurrent or not".
        s.set(JAVA_BOOLEAN, AsPolicyBatch.CONCURRENT, p.maxConcurrentThreads != 1);
        s.set(JAVA_BOOLEAN, AsPolicyBatch.ALLOW_INLINE, p.allowInline);
        s.set(JAVA_BOOLEAN, AsPolicyBatch.ALLOW_INLINE_SSD, p.allowInlineSSD);
        s.set(JAVA_BOOLEAN, AsPolicyBatch.RESPOND_ALL_KEYS, p.respondAllKeys);
        s.set(JAVA_BOOLEAN, AsPolicyBatch.DESERIALIZE, false);
        return s;
    }

    MemorySegment batchWrite(SegmentAllocator arena, BatchWritePolicy p) {
        if (p == null) {
            return MemorySegment.NULL;
        }
        MemorySegment s = copyDefault(arena, AsPolicies.BATCH_WRITE, AsPolicyBatchWrite.SIZEOF);
        s.set(JAVA_INT, AsPolicyBatchWrite.KEY, p.sendKey ? PolicyCodes.KEY_SEND : PolicyCodes.KEY_DIGEST);
        s.set(JAVA_INT, AsPolicyBatchWrite.COMMIT_LEVEL, PolicyCodes.commitLevel(p.commitLevel));
        s.set(JAVA_INT, AsPolicyBatchWrite.GEN, PolicyCodes.generation(p.generationPolicy));
        s.set(JAVA_INT, AsPolicyBatchWrite.EXISTS, PolicyCodes.exists(p.recordExistsAction));
        s.set(JAVA_INT, AsPolicyBatchWrite.TTL, PolicyCodes.ttl(p.expiration));
        s.set(JAVA_BOOLEAN, AsPolicyBatchWrite.DURABLE_DELETE, p.durableDelete);
        return s;
    }

    MemorySegment batchRemove(SegmentAllocator arena, BatchDeletePolicy p) {
        if (p == null) {
            return MemorySegment.NULL;
        }
        MemorySegment s = copyDefault(arena, AsPolicies.BATCH_REMOVE, AsPolicyBatchRemove.SIZEOF);
        s.set(JAVA_INT, AsPolicyBatchRemove.KEY, p.sendKey ? PolicyCodes.KEY_SEND : PolicyCodes.KEY_DIGEST);
        s.set(JAVA_INT, AsPolicyBatchRemove.COMMIT_LEVEL, PolicyCodes.commitLevel(p.commitLevel));
        s.set(JAVA_INT, AsPolicyBatchRemove.GEN, PolicyCodes.generation(p.generationPolicy));
        s.set(ValueLayout.JAVA_SHORT, AsPolicyBatchRemove.GENERATION, (short) p.generation);
        s.set(JAVA_BOOLEAN, AsPolicyBatchRemove.DURABLE_DELETE, p.durableDelete);
        return s;
    }

    private MemorySegment copyDefault(SegmentAllocator arena, long offset, long size) {
        MemorySegment s = arena.allocate(size, 8);
        MemorySegment.copy(defaults, offset, s, 0, size);
        return s;
    }

    private static void base(MemorySegment s, Policy p) {
        AsPolicyBase.set(s, p.connectTimeout, p.socketTimeout, p.totalTimeout, p.timeoutDelay,
                p.maxRetries, p.sleepBetweenRetries, p.compress);
    }
}
