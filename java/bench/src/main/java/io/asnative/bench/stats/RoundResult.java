package io.asnative.bench.stats;

/**
 * What one contestant measured in one round of one workload.
 *
 * @param ops           ops completed (see {@link io.asnative.bench.Workload.Kind#unit()})
 * @param errors        ops that failed (not counted in {@code ops} for throughput)
 * @param wallNs        monotonic time around the measured loop
 * @param cpuNs         the client process's CPU time (user + system, all threads) over the loop
 * @param threadCpuNs   the measuring thread's own CPU time, or -1 when not measured (C, async)
 * @param samplesNs     per-op (per-call, per-batch) latencies, or null (throughput)
 */
public record RoundResult(long ops, long errors, long wallNs, long cpuNs, long threadCpuNs, long[] samplesNs) {

    public RoundResult {
        if (ops < 0 || errors < 0 || wallNs <= 0) {
            throw new IllegalArgumentException("bad round: ops=" + ops + " errors=" + errors + " wallNs=" + wallNs);
        }
    }

    /** Mean wall time per op in this round (ns). */
    public double nsPerOp() {
        return ops == 0 ? Double.NaN : (double) wallNs / ops;
    }

    /** Ops per second in this round. */
    public double opsPerSecond() {
        return ops * 1e9 / wallNs;
    }
}
