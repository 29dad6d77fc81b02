package io.asnative.ffm;

import com.aerospike.client.BatchRecord;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.AsyncConfig;
import io.asnative.ffm.layout.AsError;
import io.asnative.ffm.layout.AsOperations;
import io.asnative.ffm.layout.AsRecord;
import io.asnative.internal.AsyncSession;
import io.asnative.internal.CStatus;
import io.asnative.internal.NativeSession.BatchReadMode;
import io.asnative.internal.Ops;
import io.asnative.internal.PolicyCodes;

import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Async commands of one {@code aerospike*} on the C client's event loops. Requests are marshalled
 * exactly as the sync session does (same writers, same C struct building); the difference is the
 * C entry point ({@code *_async}) and that results come back through {@link AsyncCallbacks}.
 */
final class FfmAsyncSession implements AsyncSession {

    private static final System.Logger LOG = System.getLogger("io.asnative");
    /** How long close waits for commands in flight; they are bounded by their own total timeouts. */
    private static final long DRAIN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final MemorySegment as;
    private final PolicyWriter policies;
    private final AsyncConfig config;
    private final AtomicInteger inFlight = new AtomicInteger();

    FfmAsyncSession(MemorySegment as, PolicyWriter policies, AsyncConfig config) {
        this.as = as;
        this.policies = policies;
        this.config = config;
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    /** Waits (bounded) until every command issued through this session has completed. */
    void drain() {
        long deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
        long park = 50_000;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(park);
            park = Math.min(park * 2, 10_000_000);
        }
        if (inFlight.get() > 0) {
            LOG.log(Level.WARNING, "closing with {0} async command(s) still in flight after 30 s", inFlight.get());
        }
    }

    private AsyncCommand command(AsyncCommand.ResultReader reader) {
        inFlight.incrementAndGet();
        return new AsyncCommand(reader, config.completionExecutor(), inFlight::decrementAndGet);
    }

    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T> future(AsyncCommand command) {
        return (CompletableFuture<T>) (CompletableFuture<?>) command.future;
    }

    /** Issues one single-record command; a refusal at the call site fails the future at once. */
    private <T> CompletableFuture<T> issue(AsyncCommand command, Issuer issuer) {
        MemorySegment udata = AsyncCallbacks.register(command);
        try (CallArena arena = CallArena.open()) {
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
            int status = issuer.issue(arena, err, udata);
            if (status != CStatus.OK) {
                AsyncCallbacks.unregister(command);
                command.refused(status, err);
            }
        } catch (Throwable t) {
            AsyncCallbacks.unregister(command);
            command.failed(t);
        }
        return future(command);
    }

    @FunctionalInterface
    private interface Issuer {
        int issue(CallArena arena, MemorySegment err, MemorySegment udata);
    }

    /** A reader for commands where "not found" is an answer ({@code whenMissing}), not an error. */
    private static AsyncCommand.ResultReader orWhenMissing(Object whenMissing, AsyncCommand.ResultReader onOk) {
        return (status, err, rec) -> {
            if (status == CStatus.ERR_RECORD_NOT_FOUND) {
                return whenMissing;
            }
            if (status != CStatus.OK) {
                throw error(status, err);
            }
            return onOk.read(status, err, rec);
        };
    }

    private static RuntimeException error(int status, MemorySegment err) {
        return CStatus.toException(status, AsError.message(err), AsError.inDoubt(err));
    }

    // ---------------------------------------------------------------- single record

    @Override
    public CompletableFuture<Void> put(WritePolicy policy, Key key, Bin[] bins) {
        AsyncCommand command = command((status, err, rec) -> {
            if (status != CStatus.OK) {
                throw error(status, err);
            }
            return null;
        });
        return issue(command, (arena, err, udata) -> {
            MemorySegment k = KeyWriter.write(arena, key);
            MemorySegment rec = arena.allocate(AsRecord.SIZEOF, AsRecord.ALIGN);
            CClient.as_record_init(rec, (short) bins.length);
            try {
                BinWriter.fillPutRecord(arena, rec, policy, bins);
                return CAsync.put(as, err, policies.write(arena, policy), k, rec, AsyncCallbacks.WRITE_LISTENER, udata);
            } finally {
                CClient.as_record_destroy(rec);
            }
        });
    }

    @Override
    public CompletableFuture<Record> get(Policy policy, Key key, String[] binNames) {
        AsyncCommand command = command(orWhenMissing(null, (status, err, rec) -> RecordReader.read(rec, false)));
        return issue(command, (arena, err, udata) -> {
            MemorySegment k = KeyWriter.write(arena, key);
            MemorySegment p = policies.read(arena, policy);
            return binNames == null
                    ? CAsync.get(as, err, p, k, AsyncCallbacks.RECORD_LISTENER, udata)
                    : CAsync.select(as, err, p, k, FfmSession.nullTerminated(arena, binNames), AsyncCallbacks.RECORD_LISTENER, udata);
        });
    }

    @Override
    public CompletableFuture<Record> getHeader(Policy policy, Key key) {
        AsyncCommand command = command(orWhenMissing(null, (status, err, rec) -> RecordReader.header(rec)));
        return issue(command, (arena, err, udata) ->
                CAsync.exists(as, err, policies.read(arena, policy), KeyWriter.write(arena, key), AsyncCallbacks.RECORD_LISTENER, udata));
    }

    @Override
    public CompletableFuture<Boolean> exists(Policy policy, Key key) {
        AsyncCommand command = command(orWhenMissing(false, (status, err, rec) -> true));
        return issue(command, (arena, err, udata) ->
                CAsync.exists(as, err, policies.read(arena, policy), KeyWriter.write(arena, key), AsyncCallbacks.RECORD_LISTENER, udata));
    }

    @Override
    public CompletableFuture<Boolean> delete(WritePolicy policy, Key key) {
        AsyncCommand command = command(orWhenMissing(false, (status, err, rec) -> true));
        return issue(command, (arena, err, udata) ->
                CAsync.remove(as, err, policies.remove(arena, policy), KeyWriter.write(arena, key), AsyncCallbacks.WRITE_LISTENER, udata));
    }

    @Override
    public CompletableFuture<Void> touch(WritePolicy policy, Key key) {
        CompletableFuture<Record> touched = operate(policy, key, new Operation[] {Operation.touch()});
        return touched.thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Record> operate(WritePolicy policy, Key key, Operation[] operations) {
        boolean writes = Ops.hasWrite(operations);
        AsyncCommand command = command((status, err, rec) -> {
            if (status == CStatus.ERR_RECORD_NOT_FOUND && !writes) {
                return null;
            }
            if (status != CStatus.OK) {
                throw error(status, err);
            }
            return rec.address() == 0 ? null : RecordReader.read(rec, true);
        });
        return issue(command, (arena, err, udata) -> {
            MemorySegment k = KeyWriter.write(arena, key);
            MemorySegment ops = arena.allocate(AsOperations.SIZEOF, AsOperations.ALIGN);
            CClient.as_operations_init(ops, (short) operations.length);
            try {
                OperationWriter.fill(arena, ops, operations, PolicyCodes.recordTtl(policy), PolicyCodes.recordGeneration(policy));
                return CAsync.operate(as, err, policies.operate(arena, policy), k, ops, AsyncCallbacks.RECORD_LISTENER, udata);
            } finally {
                CClient.as_operations_destroy(ops);
            }
        });
    }

    // ---------------------------------------------------------------- batch

    /**
     * The batch vector is read by the C client until the listener runs, so its memory lives in a
     * shared arena that the listener's clean-up closes (on the loop thread).
     */
    private <T> CompletableFuture<T> issueBatch(BatchBuilder builder, BatchReader reader, boolean write, BatchPolicy policy) {
        Arena arena = Arena.ofShared();
        BatchWriter[] built = new BatchWriter[1];
        AsyncCommand command = command((status, err, ignored) -> {
            if (status != CStatus.OK && status != CStatus.BATCH_FAILED) {
                throw error(status, err);
            }
            return reader.read(built[0]);
        });
        command.cleanupAfterListener(() -> {
            try {
                if (built[0] != null) {
                    built[0].destroy();
                }
            } finally {
                arena.close();
            }
        });
        MemorySegment udata = AsyncCallbacks.register(command);
        try {
            built[0] = builder.build(arena);
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
            MemorySegment p = policies.batch(arena, policy, write);
            int status = write
                    ? CAsync.batchWrite(as, err, p, built[0].records, AsyncCallbacks.BATCH_LISTENER, udata)
                    : CAsync.batchRead(as, err, p, built[0].records, AsyncCallbacks.BATCH_LISTENER, udata);
            if (status != CStatus.OK) {
                AsyncCallbacks.unregister(command);
                RuntimeException e = error(status, err);
                command.failed(e);
            }
        } catch (Throwable t) {
            AsyncCallbacks.unregister(command);
            command.failed(t);
        }
        return future(command);
    }

    @FunctionalInterface
    private interface BatchBuilder {
        BatchWriter build(SegmentAllocator arena);
    }

    @FunctionalInterface
    private interface BatchReader {
        Object read(BatchWriter batch);
    }

    @Override
    public CompletableFuture<Record[]> batchGet(BatchPolicy policy, Key[] keys, BatchReadMode mode, String[] binNames) {
        return issueBatch(arena -> BatchWriter.reads(arena, keys, mode, binNames), batch -> batch.readResults(mode), false, policy);
    }

    @Override
    public CompletableFuture<Boolean> batchOperate(BatchPolicy policy, List<BatchRecord> records) {
        return issueBatch(arena -> BatchWriter.records(arena, records, policies), batch -> batch.fillResults(records),
                FfmSession.hasWrite(records), policy);
    }
}
