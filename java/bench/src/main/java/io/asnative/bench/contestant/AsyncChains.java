package io.asnative.bench.contestant;

import io.asnative.bench.Workload;
import io.asnative.bench.env.ProcessCpu;
import io.asnative.bench.stats.RoundResult;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps N async gets in flight for a fixed time: N chains, each issuing its next get from the
 * completion of the previous one (the pattern both async APIs are built for), until the deadline.
 */
final class AsyncChains {

    /** Issues one get for a chain; calls {@code done.completed(ok)} exactly once when it ends. */
    interface Issuer {
        void issue(int chain, long key, Completion done);
    }

    interface Completion {
        void completed(boolean ok);
    }

    private AsyncChains() {
    }

    static RoundResult run(Issuer issuer, int inFlight, int millis, int span) throws InterruptedException {
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        CountDownLatch finished = new CountDownLatch(inFlight);
        long cpu0 = ProcessCpu.processNanos();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(millis);
        for (int c = 0; c < inFlight; c++) {
            new Chain(issuer, c, deadline, span, ok, failed, finished).next();
        }
        if (!finished.await(millis + 30_000L, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("async chains did not finish: " + finished.getCount() + " still in flight");
        }
        long wall = System.nanoTime() - start;
        long cpu = ProcessCpu.processNanos() - cpu0;
        return new RoundResult(ok.sum(), failed.sum(), wall, cpu, -1, null);
    }

    static String unsupported(Workload w) {
        return w.isThroughput() && w.threadKind() == Workload.Threads.ASYNC ? null : "an async contestant (throughput with commands in flight only)";
    }

    private static final class Chain implements Completion {
        private final Issuer issuer;
        private final int id;
        private final long deadline;
        private final int span;
        private final LongAdder ok;
        private final LongAdder failed;
        private final CountDownLatch finished;
        private long x;
        private int depth;

        Chain(Issuer issuer, int id, long deadline, int span, LongAdder ok, LongAdder failed, CountDownLatch finished) {
            this.issuer = issuer;
            this.id = id;
            this.deadline = deadline;
            this.span = span;
            this.ok = ok;
            this.failed = failed;
            this.finished = finished;
            this.x = 0x9E3779B97F4A7C15L * (id + 1);
        }

        void next() {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            depth++;
            try {
                issuer.issue(id, Math.floorMod(x, (long) span), this);
            } catch (RuntimeException e) {
                failed.increment();
                finished.countDown();
            } finally {
                depth--;
            }
        }

        @Override
        public void completed(boolean success) {
            (success ? ok : failed).increment();
            // A completion inside issue() (a failure at the call site) must not recurse without end.
            if (System.nanoTime() < deadline && depth < 64) {
                next();
            } else {
                finished.countDown();
            }
        }
    }
}
