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
import java.util.concurrent.CompletableFuture;

/**
 * The async twins of {@link NativeSession}'s commands, on the C client's event loops. Same
 * arguments (validated by the facade), same results and exceptions, delivered through futures.
 * A command the C client refuses up front fails its future at once.
 */
public interface AsyncSession {

    CompletableFuture<Void> put(WritePolicy policy, Key key, Bin[] bins);

    CompletableFuture<Record> get(Policy policy, Key key, String[] binNames);

    CompletableFuture<Record> getHeader(Policy policy, Key key);

    CompletableFuture<Boolean> exists(Policy policy, Key key);

    CompletableFuture<Boolean> delete(WritePolicy policy, Key key);

    CompletableFuture<Void> touch(WritePolicy policy, Key key);

    CompletableFuture<Record> operate(WritePolicy policy, Key key, Operation[] operations);

    CompletableFuture<Record[]> batchGet(BatchPolicy policy, Key[] keys, NativeSession.BatchReadMode mode, String[] binNames);

    CompletableFuture<Boolean> batchOperate(BatchPolicy policy, List<BatchRecord> records);

    /** Commands issued and not yet completed. */
    int inFlight();
}
