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

    /** Batch calls per round: enough to read about --ops keys, at least 10 (3 were too few to be stable). */
    public static int batchCalls(int ops, int keys) {
        return Math.max(10, ops / keys);
    }
}
