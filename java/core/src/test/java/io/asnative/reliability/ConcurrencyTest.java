package io.asnative.reliability;

import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.NativeAerospikeClient;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 64 platform threads share one client for T seconds, each doing mixed single-record and batch
 * operations on its own keys and checking every answer against what it wrote itself (read your
 * writes, counters, batch results, deletes). Zero wrong answers and zero errors are required; a
 * crossed wire between threads (a result decoded into the wrong caller, a per-thread buffer
 * shared, a record freed early) shows up as a value of another thread or another key.
 *
 * <p>Duration: {@code -Dasnative.reliability.concurrencySeconds} (CI 10; full 60).
 */
@ExtendWith(AerospikeServerExtension.class)
class ConcurrencyTest {

    private static final int THREADS = 64;
    private static final int KEYS_PER_THREAD = 50;

    @Test
    void sixtyFourThreadsOfMixedOperationsGetOnlyTheirOwnAnswers(TestServer server) throws Exception {
        long seconds = Reliability.size("concurrencySeconds", 10, 60);
        String ns = server.namespace();
        String set = "conc" + System.nanoTime() % 100_000;
        ClientPolicy cp = new ClientPolicy();
        cp.maxConnsPerNode = 2 * THREADS;
        // Generous deadlines and no write retries: on a loaded machine a slow answer must not be
        // mistaken for a wrong one, and a retried add must not count twice.
        WritePolicy w = Reliability.write(30_000, 30_000, 0);
        Policy r = Reliability.read(30_000, 30_000, 2);
        BatchPolicy b = Reliability.batch(30_000, 30_000, 0);

        LongAdder operations = new LongAdder();
        LongAdder checks = new LongAdder();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        long[] perThread = new long[THREADS];

        ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread t = new Thread(runnable, "concurrency");
            t.setDaemon(true);
            return t;
        });
        try (NativeAerospikeClient client = new NativeAerospikeClient(cp, new Host(server.host(), server.port()))) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                workers.add(pool.submit(() -> {
                    Worker worker = new Worker(client, ns, set, id, w, r, b, wrong, checks);
                    try {
                        start.await();
                        while (System.nanoTime() < end) {
                            worker.step();
                            operations.increment();
                            perThread[id]++;
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : workers) {
                f.get(seconds + Reliability.HANG.toSeconds(), TimeUnit.SECONDS);
            }
            System.out.printf("concurrency, %s: %d threads, %d s, %,d operations, %,d answers checked, %d wrong, %d errors%n",
                    client.backendName(), THREADS, seconds, operations.sum(), checks.sum(), wrong.size(), errors.size());
        } finally {
            pool.shutdownNow();
        }

        assertTrue(wrong.isEmpty(), () -> wrong.size() + " wrong answers, first: " + wrong.peek());
        assertTrue(errors.isEmpty(), () -> errors.size() + " errors, first: " + errors.peek());
        long slowest = Arrays.stream(perThread).min().orElse(0);
        assertTrue(slowest > 0, "every thread made progress");
        assertTrue(checks.sum() > operations.sum(), "answers were checked");
    }

    /** One thread's keys and its model of them: the value of bin "v" (or absent) and counter "c". */
    private static final class Worker {
        private final NativeAerospikeClient client;
        private final int id;
        private final WritePolicy w;
        private final Policy r;
        private final BatchPolicy b;
        private final ConcurrentLinkedQueue<String> wrong;
        private final LongAdder checks;
        private final Key[] keys = new Key[KEYS_PER_THREAD];
        private final long[] value = new long[KEYS_PER_THREAD]; // -1: absent
        private final long[] counter = new long[KEYS_PER_THREAD];
        private final SplittableRandom rnd;
        private long next;

        Worker(NativeAerospikeClient client, String ns, String set, int id, WritePolicy w, Policy r, BatchPolicy b,
               ConcurrentLinkedQueue<String> wrong, LongAdder checks) {
            this.client = client;
            this.id = id;
            this.w = w;
            this.r = r;
            this.b = b;
            this.wrong = wrong;
            this.checks = checks;
            this.rnd = new SplittableRandom(id);
            for (int k = 0; k < KEYS_PER_THREAD; k++) {
                keys[k] = new Key(ns, set, id * 1_000_000 + k);
                value[k] = -1;
            }
            for (int k = 0; k < KEYS_PER_THREAD; k++) {
                client.delete(w, keys[k]);
            }
        }

        private void check(boolean ok, String what) {
            checks.increment();
            if (!ok) {
                wrong.add("thread " + id + ": " + what);
            }
        }

        private String text(long v) {
            return "t" + id + "-" + v;
        }

        /** Checks a record (or its absence) against the model of key k. */
        private void verify(int k, Record rec, String how) {
            if (value[k] < 0) {
                check(rec == null, how + " of deleted key " + k + " returned " + rec);
                return;
            }
            check(rec != null && rec.getLong("v") == value[k] && text(value[k]).equals(rec.getString("s"))
                    && rec.getLong("c") == counter[k] && rec.getInt("t") == id,
                    how + " of key " + k + " (v=" + value[k] + ", c=" + counter[k] + ") returned " + rec);
        }

        private void write(int k) {
            long v = ++next;
            client.put(w, keys[k], new Bin("v", v), new Bin("s", text(v)), new Bin("t", id), new Bin("c", counter[k]));
            value[k] = v;
        }

        void step() {
            int k = rnd.nextInt(KEYS_PER_THREAD);
            switch (rnd.nextInt(10)) {
                case 0, 1 -> write(k);
                case 2, 3 -> verify(k, client.get(r, keys[k]), "get");
                case 4 -> {
                    if (value[k] < 0) {
                        write(k);
                    }
                    Record rec = client.operate(w, keys[k], Operation.add(new Bin("c", 1)), Operation.get("c"), Operation.get("s"));
                    counter[k]++;
                    check(rec != null && rec.getLong("c") == counter[k] && text(value[k]).equals(rec.getString("s")),
                            "operate add of key " + k + " expected c=" + counter[k] + ", returned " + rec);
                }
                case 5 -> {
                    Key[] some = new Key[8];
                    int[] which = new int[some.length];
                    for (int j = 0; j < some.length; j++) {
                        which[j] = rnd.nextInt(KEYS_PER_THREAD);
                        some[j] = keys[which[j]];
                    }
                    Record[] recs = client.get(b, some);
                    for (int j = 0; j < some.length; j++) {
                        verify(which[j], recs[j], "batch get");
                    }
                    boolean[] exist = client.exists(b, some);
                    for (int j = 0; j < some.length; j++) {
                        check(exist[j] == value[which[j]] >= 0, "batch exists of key " + which[j]);
                    }
                }
                case 6 -> {
                    // Writes to 3 distinct keys and reads of 3 others, in one batch.
                    int[] ks = rnd.ints(0, KEYS_PER_THREAD).distinct().limit(6).toArray();
                    List<BatchRecord> batch = new ArrayList<>();
                    long[] written = new long[3];
                    for (int j = 0; j < 3; j++) {
                        long v = ++next;
                        written[j] = v;
                        counter[ks[j]] = 0;
                        batch.add(new BatchWrite(keys[ks[j]], new Operation[] {Operation.put(new Bin("v", v)),
                                Operation.put(new Bin("s", text(v))), Operation.put(new Bin("t", id)), Operation.put(new Bin("c", 0))}));
                    }
                    for (int j = 3; j < 6; j++) {
                        batch.add(new BatchRead(keys[ks[j]], true));
                    }
                    boolean all = client.operate(b, batch);
                    for (int j = 0; j < 3; j++) {
                        value[ks[j]] = written[j];
                        check(batch.get(j).resultCode == ResultCode.OK, "batch write of key " + ks[j] + ": " + batch.get(j));
                    }
                    boolean allOk = true;
                    for (int j = 3; j < 6; j++) {
                        BatchRecord br = batch.get(j);
                        allOk &= br.resultCode == ResultCode.OK;
                        verify(ks[j], br.resultCode == ResultCode.KEY_NOT_FOUND_ERROR ? null : br.record, "batch read");
                    }
                    check(all == allOk, "batch operate returned " + all + " for per-record results " + batch);
                }
                case 7 -> {
                    boolean existed = client.delete(w, keys[k]);
                    check(existed == value[k] >= 0, "delete of key " + k + " returned " + existed);
                    value[k] = -1;
                    counter[k] = 0;
                    check(!client.exists(r, keys[k]), "exists after delete of key " + k);
                }
                case 8 -> {
                    Record rec = client.get(r, keys[k], "s", "t");
                    if (value[k] < 0) {
                        check(rec == null, "get bins of deleted key " + k + " returned " + rec);
                    } else {
                        check(rec != null && rec.bins.size() == 2 && text(value[k]).equals(rec.getString("s")) && rec.getInt("t") == id,
                                "get bins of key " + k + " returned " + rec);
                    }
                }
                default -> {
                    Record h = client.getHeader(r, keys[k]);
                    check((h != null) == (value[k] >= 0) && (h == null || h.bins == null || h.bins.isEmpty()),
                            "getHeader of key " + k + " returned " + h);
                }
            }
        }
    }
}
