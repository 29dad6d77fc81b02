package io.asnative.internal;

import com.aerospike.client.Record;
import com.aerospike.client.command.Buffer;
import com.aerospike.client.command.Command.OpResults;

import java.util.HashMap;
import java.util.Map;

/** Builds {@link Record}s the way the pure-Java client does, from what a backend read out of C. */
public final class Records {

    private Records() {
    }

    /** A bin map sized like the Java client's, for {@code n} bins. */
    public static Map<String, Object> newBins(int n) {
        return new HashMap<>(Math.max(4, (int) (n / 0.75f) + 1));
    }

    /**
     * Adds one bin. For operate results the same bin can come back several times (e.g. a write
     * then a read of it); the Java client then returns all values in an {@link OpResults} list.
     */
    public static void addBin(Map<String, Object> bins, String name, Object value, boolean isOperation) {
        if (isOperation && bins.containsKey(name)) {
            Object prev = bins.get(name);
            if (prev instanceof OpResults list) {
                list.add(value);
            } else {
                OpResults list = new OpResults();
                list.add(prev);
                list.add(value);
                bins.put(name, list);
            }
        } else {
            bins.put(name, value);
        }
    }

    /** @param bins null for a header-only record, like the Java client */
    public static Record of(Map<String, Object> bins, int generation, int cTtl) {
        return new Record(bins, generation & 0xFFFF, Expirations.fromCTtl(cTtl));
    }

    /** Decodes particle bytes (blob, list, map, GeoJSON, HLL, string) with the Java client's own decoder. */
    public static Object particle(int particleType, byte[] bytes) {
        return Buffer.bytesToParticle(particleType, bytes, 0, bytes.length);
    }
}
