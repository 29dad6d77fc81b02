package io.asnative.bench.contestant;

import io.asnative.bench.RunOptions;
import io.asnative.bench.Workload;
import io.asnative.bench.stats.RoundResult;

/**
 * One way of calling Aerospike that the benchmark compares: the pure-Java client, the native
 * client through FFM or JNI, the raw C program, or an async API. The harness asks each for one
 * round at a time, interleaving contestants, and never looks inside.
 */
public interface Contestant extends AutoCloseable {

    String name();

    /** Null when this contestant runs the workload; otherwise why not (shown in the report). */
    String unsupportedReason(Workload workload);

    /** Untimed ops of the workload, before its first round. */
    void warmup(Workload workload, RunOptions options) throws Exception;

    /** One measured round. */
    RoundResult run(Workload workload, RunOptions options) throws Exception;

    /**
     * Closes this contestant's connections, opens new ones (a new client) and reads a few untimed
     * calls of the batch workload on them ({@link io.asnative.bench.Dataset#reconnectWarmupCalls}):
     * what {@code --reconnect} does before the rounds of the larger batches and the job. Only the sync
     * contestants and the C program run those workloads.
     */
    default void reconnect(Workload workload, RunOptions options) throws Exception {
        throw new UnsupportedOperationException(name() + " does not reconnect");
    }

    /**
     * The first failure seen since the last call (e.g. "ResultCode 9: Client timeout"), then
     * forgotten; null when none. The harness notes it beside a workload's error count.
     */
    default String takeFirstError() {
        return null;
    }

    /**
     * JIT compilation time (ms) of the JVM this contestant runs in, when that is not the harness's
     * own (a JVM of its own, {@code --client-jvms}); 0 otherwise.
     */
    default long jitMillis() {
        return 0;
    }

    /** Version of the C client this contestant calls, or null (pure Java). */
    default String cClientVersion() {
        return null;
    }

    @Override
    void close();
}
