package io.asnative.bench;

import io.asnative.bench.env.CpuPlacement;
import io.asnative.bench.env.ServerThreads;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Everything a benchmark run needs to know, parsed and resolved (defaults, --quick) once by the
 * CLI. No field is mutable; the harness never reads the command line itself.
 *
 * @param host            a real server's seed host, or null to start the embedded server
 * @param contestants     the names asked for (java, ffm, jni, c, java-async, ffm-async)
 * @param families        workload families to run (seq, batch, job, tput)
 * @param jitWarmup       untimed put+get ops per JVM contestant before the first phase
 * @param tputMillis      duration of one throughput round
 * @param rttMicros       the server's response delay in the rtt workloads (embedded server only)
 * @param eventLoops      event loops of both async contestants
 * @param cBench          path of asbench-c, or null for the bundled one
 * @param placement       CPUs of the server and the clients in the sequential, batch and job
 *                        workloads (throughput workloads always run unpinned)
 * @param serverThreads   how the embedded server serves connections
 * @param keys            where the put, get and batch-get workloads build their keys
 * @param forks           how many times the latency workloads start over on a new server process
 *                        (embedded server) and new client connections, their rounds split
 *                        between the forks (JMH's answer to run-to-run variance)
 * @param reconnect       whether each contestant opens new connections (a new client) before each
 *                        of its batch-get and batch-job rounds
 * @param clientJvms      whether the JVM contestants (java, ffm, jni) each run in a JVM of their
 *                        own, a new one per fork, instead of all in the harness's JVM
 * @param arguments       the command line's arguments, as given (a contestant's own JVM parses them again)
 */
public record RunOptions(
        String host, int port, String namespace, String set,
        int ops, int rounds, int warmup, boolean quick, Path out,
        List<String> contestants, Set<String> families,
        List<Integer> batchSizes, int jobRecords, int jobBatch, int jobRounds,
        List<Integer> threads, List<Integer> virtualThreads, List<Integer> inFlight,
        int tputMillis, int tputRounds, int rttMicros, int jitWarmup, int maxConns, int eventLoops,
        boolean jmh, Path cBench, CpuPlacement placement, ServerThreads serverThreads, KeyTiming keys,
        int forks, boolean reconnect, boolean clientJvms, List<String> arguments, String commandLine) {

    /** Whether the embedded server serves each connection on a virtual thread. */
    public boolean serverVirtualThreads() {
        return serverThreads == ServerThreads.VIRTUAL;
    }

    /** The same options with {@code ops} ops per round (at most the key span). */
    public RunOptions withOps(int ops) {
        return new RunOptions(host, port, namespace, set, Math.min(ops, span()), rounds, warmup, quick, out, contestants,
                families, batchSizes, jobRecords, jobBatch, jobRounds, threads, virtualThreads, inFlight, tputMillis,
                tputRounds, rttMicros, jitWarmup, maxConns, eventLoops, jmh, cBench, placement, serverThreads, keys, forks,
                reconnect, clientJvms, arguments, commandLine);
    }

    public static final List<String> ALL_CONTESTANTS = List.of("java", "ffm", "jni", "c", "java-async", "ffm-async");
    public static final Set<String> ALL_FAMILIES = Set.of("seq", "batch", "job", "tput", "rtt");

    public RunOptions {
        contestants = List.copyOf(contestants);
        families = Set.copyOf(families);
        batchSizes = List.copyOf(batchSizes);
        threads = List.copyOf(threads);
        virtualThreads = List.copyOf(virtualThreads);
        inFlight = List.copyOf(inFlight);
        arguments = List.copyOf(arguments);
        require(ops > 0, "--ops must be > 0");
        require(rounds > 0, "--rounds must be > 0");
        require(warmup >= 0, "--warmup must be >= 0");
        require(port > 0 && port <= 65535, "--port must be 1..65535");
        require(jobRecords > 0 && jobBatch > 0 && jobBatch <= jobRecords, "need 0 < --job-batch <= --job-records");
        require(jobRounds > 0 && tputRounds > 0 && tputMillis > 0, "rounds and durations must be > 0");
        require(maxConns > 0, "--max-conns must be > 0");
        require(eventLoops > 0, "--event-loops must be > 0");
        require(rttMicros >= 0, "--rtt-micros must be >= 0");
        require(placement != null, "--cpus is required");
        require(serverThreads != null, "--server-threads is required");
        require(keys != null, "--keys is required");
        require(forks > 0 && forks <= rounds && (forks <= jobRounds || !families.contains("job")),
                "need 0 < --forks <= --rounds (and <= --job-rounds with the job workload)");
        require(serverThreads == ServerThreads.PLATFORM || host == null,
                "--server-threads applies to the embedded server only, not with --host");
        require(namespace != null && !namespace.isEmpty() && set != null && !set.isEmpty(), "namespace and set are required");
        for (String c : contestants) {
            require(ALL_CONTESTANTS.contains(c), "unknown contestant '" + c + "' (one of " + ALL_CONTESTANTS + ")");
        }
        for (String f : families) {
            require(ALL_FAMILIES.contains(f), "unknown workload family '" + f + "' (one of " + ALL_FAMILIES + ")");
        }
        for (List<Integer> l : List.of(batchSizes, threads, virtualThreads, inFlight)) {
            for (int v : l) {
                require(v > 0, "counts must be > 0");
            }
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public boolean embeddedServer() {
        return host == null;
    }

    /** The keys the sequential and batch workloads use: 0 .. span-1 (enough for the largest batch). */
    public int span() {
        int max = ops;
        for (int k : batchSizes) {
            max = Math.max(max, k);
        }
        return max;
    }

    /** First key of the batch job's records, apart from the others. */
    public long jobFirstKey() {
        return 10_000_000L;
    }
}
