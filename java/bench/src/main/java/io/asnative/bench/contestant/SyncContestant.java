package io.asnative.bench.contestant;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import io.asnative.bench.Dataset;
import io.asnative.bench.KeyTiming;
import io.asnative.bench.RunOptions;
import io.asnative.bench.Workload;
import io.asnative.bench.env.ProcessCpu;
import io.asnative.bench.env.VirtualThreads;
import io.asnative.bench.stats.RoundResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A contestant that runs in this JVM through a {@link SyncClient}: {@code java} (the pure-Java
 * client), {@code ffm} and {@code jni} (the native client's backends). The loops are the same
 * code for all three, so only the client differs. Bins are built inside the timed loop, as a
 * caller would; keys too, unless the run builds them first ({@link KeyTiming#PREBUILT}).
 */
public final class SyncContestant implements Contestant {

    private final String name;
    /** Opens a new client for {@link #reconnect}; null when this contestant cannot. */
    private final Supplier<SyncClient> opener;
    /** Replaced only between rounds, by the harness's thread. */
    private SyncClient client;
    private final boolean virtualThreads;
    private final String cClientVersion;
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private volatile long sink;

    /**
     * @param virtualThreads whether this contestant runs the virtual-thread workloads
     */
    public SyncContestant(String name, SyncClient client, boolean virtualThreads, String cClientVersion) {
        this(name, client, null, virtualThreads, cClientVersion);
    }

    /** A contestant that can {@link #reconnect}: {@code opener} makes each client after {@code client}. */
    public SyncContestant(String name, SyncClient client, Supplier<SyncClient> opener, boolean virtualThreads,
            String cClientVersion) {
        this.name = name;
        this.opener = opener;
        this.client = client;
        this.virtualThreads = virtualThreads;
        this.cClientVersion = cClientVersion;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String cClientVersion() {
        return cClientVersion;
    }

    @Override
    public String unsupportedReason(Workload w) {
        if (!w.isThroughput()) {
            return null;
        }
        return switch (w.threadKind()) {
            case PLATFORM -> null;
            case VIRTUAL -> !virtualThreads ? "virtual threads are not measured for " + name
                    : !VirtualThreads.available() ? "virtual threads need Java 21+" : null;
            default -> "a sync contestant";
        };
    }

    @Override
    public void warmup(Workload w, RunOptions o) throws Exception {
        switch (w.kind()) {
            case PUT, GET -> {
                boolean put = w.kind() == Workload.Kind.PUT;
                seq(put, 0, Math.max(1, o.warmup()), o);
                for (int i = 0; i < Dataset.SEQ_SETTLE_ROUNDS; i++) {
                    seq(put, 0, o.ops(), o);
                }
            }
            case BATCH_GET -> batch(w.keys(), Dataset.batchWarmupCalls(o.ops(), w.keys()), o);
            case BATCH_JOB -> job(o.jobFirstKey(), Dataset.jobWarmupRecords(o.jobRecords()), w.keys(), o);
            case THROUGHPUT -> throughput(w, Math.min(300, o.tputMillis()), o);
        }
    }

    @Override
    public RoundResult run(Workload w, RunOptions o) throws Exception {
        return switch (w.kind()) {
            case PUT -> seq(true, 0, o.ops(), o);
            case GET -> seq(false, 0, o.ops(), o);
            case BATCH_GET -> batch(w.keys(), Dataset.batchCalls(o.ops(), w.keys()), o);
            case BATCH_JOB -> job(o.jobFirstKey(), o.jobRecords(), w.keys(), o);
            case THROUGHPUT -> throughput(w, o.tputMillis(), o);
        };
    }

    @Override
    public void reconnect(Workload w, RunOptions o) throws Exception {
        if (opener == null) {
            throw new UnsupportedOperationException(name + " was given one client and cannot open another");
        }
        client.close();
        client = opener.get();
        int calls = Dataset.reconnectWarmupCalls(w.keys());
        switch (w.kind()) {
            case BATCH_GET -> batch(w.keys(), calls, o);
            case BATCH_JOB -> job(o.jobFirstKey(), calls * w.keys(), w.keys(), o);
            default -> throw new IllegalArgumentException("reconnect is for the batch workloads, not " + w.id());
        }
    }

    private RoundResult seq(boolean put, long first, int count, RunOptions o) {
        String ns = o.namespace();
        String set = o.set();
        Key[] prebuilt = null;
        if (o.keys() == KeyTiming.PREBUILT) {
            prebuilt = new Key[count];
            for (int i = 0; i < count; i++) {
                prebuilt[i] = Dataset.key(ns, set, first + i);
            }
        }
        long[] samples = new long[count];
        long errors = 0;
        long acc = 0;
        long cpu0 = ProcessCpu.processNanos();
        long thread0 = ProcessCpu.threadNanos();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long k = first + i;
            long t0 = System.nanoTime();
            try {
                Key key = prebuilt != null ? prebuilt[i] : Dataset.key(ns, set, k);
                if (put) {
                    client.put(key, Dataset.bins(k));
                } else {
                    Record r = client.get(key);
                    if (r == null) {
                        errors++;
                    } else {
                        acc += Dataset.consume(r);
                    }
                }
            } catch (AerospikeException e) {
                errors++;
                firstError.compareAndSet(null, e.getMessage());
            }
            samples[i] = System.nanoTime() - t0;
        }
        long wall = System.nanoTime() - start;
        long thread = ProcessCpu.threadNanos() - thread0;
        long cpu = ProcessCpu.processNanos() - cpu0;
        sink += acc;
        return new RoundResult(count, errors, wall, cpu, thread0 < 0 ? -1 : thread, samples);
    }

    private RoundResult batch(int keys, int calls, RunOptions o) {
        Key[][] prebuilt = null;
        if (o.keys() == KeyTiming.PREBUILT) {
            prebuilt = new Key[calls][];
            for (int j = 0; j < calls; j++) {
                prebuilt[j] = batchKeys(j, keys, o);
            }
        }
        long[] samples = new long[calls];
        long errors = 0;
        long acc = 0;
        long cpu0 = ProcessCpu.processNanos();
        long thread0 = ProcessCpu.threadNanos();
        long start = System.nanoTime();
        for (int j = 0; j < calls; j++) {
            long t0 = System.nanoTime();
            Key[] batch = prebuilt != null ? prebuilt[j] : batchKeys(j, keys, o);
            try {
                for (Record r : client.get(batch)) {
                    if (r == null) {
                        errors++;
                    } else {
                        acc += Dataset.consume(r);
                    }
                }
            } catch (AerospikeException e) {
                errors++;
                firstError.compareAndSet(null, e.getMessage());
            }
            samples[j] = System.nanoTime() - t0;
        }
        long wall = System.nanoTime() - start;
        long thread = ProcessCpu.threadNanos() - thread0;
        long cpu = ProcessCpu.processNanos() - cpu0;
        sink += acc;
        return new RoundResult(calls, errors, wall, cpu, thread0 < 0 ? -1 : thread, samples);
    }

    private static Key[] batchKeys(int call, int keys, RunOptions o) {
        Key[] batch = new Key[keys];
        for (int i = 0; i < keys; i++) {
            batch[i] = Dataset.key(o.namespace(), o.set(), Dataset.batchKey(call, keys, i, o.span()));
        }
        return batch;
    }

    /** Read-modify-write over {@code records} records, {@code batch} at a time. */
    private RoundResult job(long first, int records, int batch, RunOptions o) {
        int calls = (records + batch - 1) / batch;
        long[] samples = new long[calls];
        long errors = 0;
        long cpu0 = ProcessCpu.processNanos();
        long thread0 = ProcessCpu.threadNanos();
        long start = System.nanoTime();
        for (int j = 0; j < calls; j++) {
            int n = Math.min(batch, records - j * batch);
            long t0 = System.nanoTime();
            errors += jobBatch(first + (long) j * batch, n, o);
            samples[j] = System.nanoTime() - t0;
        }
        long wall = System.nanoTime() - start;
        long thread = ProcessCpu.threadNanos() - thread0;
        long cpu = ProcessCpu.processNanos() - cpu0;
        return new RoundResult(records, errors, wall, cpu, thread0 < 0 ? -1 : thread, samples);
    }

    private long jobBatch(long first, int n, RunOptions o) {
        long errors = 0;
        Key[] keys = new Key[n];
        for (int i = 0; i < n; i++) {
            keys[i] = Dataset.key(o.namespace(), o.set(), first + i);
        }
        try {
            Record[] read = client.get(keys);
            List<BatchRecord> writes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Record r = read[i];
                if (r == null) {
                    errors++;
                    continue;
                }
                writes.add(new BatchWrite(keys[i], new Operation[] {
                        Operation.put(new Bin("age", r.getLong("age") + 1)),
                        Operation.put(new Bin("score", r.getDouble("score") + 1.0))}));
            }
            client.operate(writes);
            for (BatchRecord w : writes) {
                if (w.resultCode != 0) {
                    errors++;
                }
            }
        } catch (AerospikeException e) {
            errors++;
            firstError.compareAndSet(null, e.getMessage());
        }
        return errors;
    }

    /** Gets on random keys from {@code w.threads()} threads (platform or virtual) for {@code millis}. */
    private RoundResult throughput(Workload w, int millis, RunOptions o) throws Exception {
        int n = w.threads();
        int span = o.span();
        ExecutorService pool = w.threadKind() == Workload.Threads.VIRTUAL
                ? VirtualThreads.newExecutor()
                : Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            long[][] counts = new long[n][2];
            long[] deadline = new long[1];
            List<Future<?>> futures = new ArrayList<>(n);
            for (int t = 0; t < n; t++) {
                long[] mine = counts[t];
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    long end = deadline[0];
                    while (System.nanoTime() < end) {
                        try {
                            Record r = client.get(Dataset.key(o.namespace(), o.set(), random.nextInt(span)));
                            mine[r == null ? 1 : 0]++;
                        } catch (AerospikeException e) {
                            mine[1]++;
                            firstError.compareAndSet(null, e.getMessage());
                        }
                    }
                    return null;
                }));
            }
            ready.await();
            long cpu0 = ProcessCpu.processNanos();
            long start = System.nanoTime();
            deadline[0] = start + TimeUnit.MILLISECONDS.toNanos(millis);
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            long wall = System.nanoTime() - start;
            long cpu = ProcessCpu.processNanos() - cpu0;
            long ops = 0;
            long errors = 0;
            for (long[] c : counts) {
                ops += c[0];
                errors += c[1];
            }
            return new RoundResult(ops, errors, wall, cpu, -1, null);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public String takeFirstError() {
        return firstError.getAndSet(null);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return name + " (sink " + sink + ")";
    }
}
