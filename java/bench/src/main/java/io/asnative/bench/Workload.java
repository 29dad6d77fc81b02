package io.asnative.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One measured workload. Its {@link #id()} names it in results.json and the report:
 * {@code put}, {@code get}, {@code batch-get-5000}, {@code batch-job}, {@code tput-platform-16},
 * {@code tput-virtual-1000}, {@code tput-async-100}.
 *
 * @param keys     keys per batch call (batch get), records per batch (batch job), else 0
 * @param threads  threads (platform or virtual) or commands in flight (async), else 1
 * @param delayMicros  a delay the embedded server adds to every response (a simulated network
 *                     round trip: the {@code rtt-*} workloads), else 0
 */
public record Workload(String id, Kind kind, int keys, int threads, Threads threadKind, int delayMicros) {

    /** What is measured, and what one "op" of its results is. */
    public enum Kind {
        /** Sequential puts: one op = one put. */
        PUT("op"),
        /** Sequential gets: one op = one get. */
        GET("op"),
        /** Batch reads: one op = one batch call of {@code keys} keys. */
        BATCH_GET("batch"),
        /** Read-modify-write job: one op = one record (read in a batch get, written in a batch write). */
        BATCH_JOB("record"),
        /** Gets on many threads (or in flight) for a fixed time: one op = one get. */
        THROUGHPUT("op");

        private final String unit;

        Kind(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }

    /** How a throughput workload gets its concurrency. */
    public enum Threads { NONE, PLATFORM, VIRTUAL, ASYNC }

    public static Workload put() {
        return new Workload("put", Kind.PUT, 0, 1, Threads.NONE, 0);
    }

    public static Workload get() {
        return new Workload("get", Kind.GET, 0, 1, Threads.NONE, 0);
    }

    public static Workload batchGet(int keys) {
        return new Workload("batch-get-" + keys, Kind.BATCH_GET, keys, 1, Threads.NONE, 0);
    }

    public static Workload batchJob(int batch) {
        return new Workload("batch-job", Kind.BATCH_JOB, batch, 1, Threads.NONE, 0);
    }

    public static Workload throughput(Threads kind, int n) {
        return new Workload("tput-" + kind.name().toLowerCase(Locale.ROOT) + "-" + n, Kind.THROUGHPUT, 0, n, kind, 0);
    }

    /** Throughput with every server response delayed by {@code delayMicros}: where concurrency pays. */
    public static Workload roundTrip(Threads kind, int n, int delayMicros) {
        return new Workload("rtt-" + kind.name().toLowerCase(Locale.ROOT) + "-" + n, Kind.THROUGHPUT, 0, n, kind, delayMicros);
    }

    public boolean isThroughput() {
        return kind == Kind.THROUGHPUT;
    }

    /** The phases' workloads, in run order. */
    public static List<Workload> all(RunOptions o) {
        List<Workload> list = new ArrayList<>();
        list.add(put());
        list.add(get());
        for (int k : o.batchSizes()) {
            list.add(batchGet(k));
        }
        list.add(batchJob(o.jobBatch()));
        for (int t : o.threads()) {
            list.add(throughput(Threads.PLATFORM, t));
        }
        for (int t : o.virtualThreads()) {
            list.add(throughput(Threads.VIRTUAL, t));
        }
        for (int f : o.inFlight()) {
            list.add(throughput(Threads.ASYNC, f));
        }
        if (o.rttMicros() > 0) {
            list.add(roundTrip(Threads.PLATFORM, 16, o.rttMicros()));
            for (int t : o.virtualThreads()) {
                list.add(roundTrip(Threads.VIRTUAL, t, o.rttMicros()));
            }
            for (int f : o.inFlight()) {
                list.add(roundTrip(Threads.ASYNC, f, o.rttMicros()));
            }
        }
        return list;
    }

    /** Which workload families (--workloads seq,batch,job,tput,rtt) this one belongs to. */
    public String family() {
        if (delayMicros > 0) {
            return "rtt";
        }
        return switch (kind) {
            case PUT, GET -> "seq";
            case BATCH_GET -> "batch";
            case BATCH_JOB -> "job";
            case THROUGHPUT -> "tput";
        };
    }
}
