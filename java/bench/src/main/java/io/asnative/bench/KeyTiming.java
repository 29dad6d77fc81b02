package io.asnative.bench;

import java.util.Locale;

/**
 * Where the put, get and batch-get workloads build their keys. Building a
 * {@code com.aerospike.client.Key} hashes it (RIPEMD-160 in Java, about 0.35 us), which the
 * pure-Java and the native clients' callers both pay; the C program hashes in C. {@link #PER_OP}
 * measures what a caller pays; {@link #PREBUILT} takes key building (and C's hashing) out of the
 * timed loop of every contestant, so that the difference between the native client and the C
 * program is the binding's alone. The batch job and the throughput workloads always build their
 * keys inside.
 */
public enum KeyTiming {
    /** Inside the timed loop, one new key per operation, as a caller would (the default). */
    PER_OP("per-op", "built inside the timed loop, as a caller would"),
    /** Before the timed loop, digests included: the timed part is the client's work alone. */
    PREBUILT("prebuilt", "built before the timed loop, digests included (put, get, batch-get; the job and tput build theirs inside)");

    private final String label;
    private final String description;

    KeyTiming(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public static KeyTiming parse(String s) {
        for (KeyTiming k : values()) {
            if (k.label.equals(s.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("--keys must be per-op or prebuilt, not '" + s + "'");
    }

    /** The command-line spelling, also the C program's {@code keys} command argument. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
