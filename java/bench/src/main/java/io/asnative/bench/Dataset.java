package io.asnative.bench;

import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Record;

/**
 * The records every contestant writes and reads, the same in Java and in asbench-c:
 * key {@code k} (an integer user key) holds {@code name = "user-<k>"}, {@code age = k % 100},
 * {@code score = k * 0.5}.
 */
public final class Dataset {

    private Dataset() {
    }

    public static Key key(String namespace, String set, long k) {
        return new Key(namespace, set, k);
    }

    public static Bin[] bins(long k) {
        return new Bin[] {new Bin("name", "user-" + k), new Bin("age", k % 100), new Bin("score", k * 0.5)};
    }

    /** Reads every bin as a caller would (what asbench-c's consume() does too). */
    public static long consume(Record r) {
        long sum = r.generation;
        for (Object v : r.bins.values()) {
            if (v instanceof Long l) {
                sum += l;
            } else if (v instanceof Double d) {
                sum += d.longValue();
            } else if (v instanceof String s) {
                sum += s.length();
            }
        }
        return sum;
    }

    /** Key of call {@code call}'s {@code i}-th entry of a batch of {@code keys} over keys 0..span-1. */
    public static long batchKey(int call, int keys, int i, int span) {
        return ((long) call * keys + i) % span;
    }

    /** Keys a batch round reads, at least: see {@link #batchCalls}. */
    static final int BATCH_ROUND_KEYS = 50_000;

    /**
     * Batch calls per round: enough to read --ops keys and at least 50,000, in at least 20 calls.
     * With 10 calls, one young GC pause of the JVM contestants (10-17 ms against a 5 ms call)
     * moved a round's mean by 20-30% and the seed's ratio of means by up to 15% between two runs.
     * With --ops keys (100 calls of 100 keys, a 10-15 ms round), single 2x rounds - a pause of
     * the server or the VM, hitting one contestant's round - still moved batch-get-100's ratio of
     * means by 7-8% between two runs (pin-g/pin-h) while every other ratio stayed within 4%.
     */
    public static int batchCalls(int ops, int keys) {
        return Math.max(20, Math.max(ops, BATCH_ROUND_KEYS) / keys);
    }

    /**
     * Untimed rounds of --ops puts (or gets) after the --warmup ops and before the first timed
     * round. The first one or two timed rounds of every contestant ran 1.5-2.5x slower without them
     * (put: java 17-22 us, ffm 18-24 us, c up to 17 us against 9-11 us after; runs pin-m..pin-p and
     * first-a): the workload has just pinned the server and the clients to one vCPU, and --warmup's
     * 200 ops do not absorb that. With 3 rounds' worth (run first-b) the first round is within
     * 1.3x of the rest; in a ratio of means over 30 rounds one 2x round is 3%.
     */
    public static final int SEQ_SETTLE_ROUNDS = 3;

    /** Keys the warm-up of a batch size reads, at least: see {@link #batchWarmupCalls}. */
    static final int BATCH_WARMUP_KEYS = 200_000;

    /**
     * Untimed batch calls before the first round: a round's worth, and at least 200,000 keys.
     * With 2 calls, the JVM contestants' first round still ran partly interpreted (2-3x slower).
     * With a round's worth (100 calls of 100 keys), the first 4-8 rounds of batch-get-100 were
     * still 2-4x slower for every contestant, the C program included: the embedded server's own
     * batch path was not compiled yet, and those rounds moved the ratio of means by up to 15%.
     */
    public static int batchWarmupCalls(int ops, int keys) {
        return Math.max(batchCalls(ops, keys), (BATCH_WARMUP_KEYS + keys - 1) / keys);
    }

    /**
     * Untimed records of the batch job before its first pass: a whole pass. With 20 batches the
     * first pass was still 1.5-2x slower than the others (2 cold passes with 1 batch).
     */
    public static int jobWarmupRecords(int jobRecords) {
        return jobRecords;
    }

    /** The smallest batch whose rounds run on new connections with {@code --reconnect} (the job's batches are 1,000). */
    public static final int RECONNECT_MIN_BATCH_KEYS = 1000;

    /** Keys read on new connections before a round ({@code --reconnect}): see {@link #reconnectWarmupCalls}. */
    static final int RECONNECT_WARMUP_KEYS = 20_000;

    /**
     * Untimed batch calls on a contestant's new connections before its round ({@code --reconnect}):
     * at least 20,000 keys and 3 calls, so that the kernel has grown the new connection's receive
     * buffer from its first, small size before the round is timed. The job reads and writes
     * {@code reconnectWarmupCalls(batch) * batch} records.
     */
    public static int reconnectWarmupCalls(int keys) {
        return Math.max(3, (RECONNECT_WARMUP_KEYS + keys - 1) / keys);
    }
}
