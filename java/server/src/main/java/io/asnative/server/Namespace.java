package io.asnative.server;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records of one namespace, shared by every node of a cluster (replication factor 1 with
 * in-process proxying: whichever node a request lands on reads the same map).
 */
final class Namespace {
    private static final int MAX_CACHED_SETS = 1024;

    final NamespaceConfig config;
    final byte[] nameBytes;
    final ConcurrentHashMap<DigestKey, StoredRecord> records = new ConcurrentHashMap<>();
    private final Object setLock = new Object();
    private volatile byte[][] setBytes = new byte[0][];
    private volatile String[] setNames = new String[0];

    Namespace(NamespaceConfig config) {
        this.config = config;
        this.nameBytes = config.name().getBytes(StandardCharsets.UTF_8);
    }

    String name() {
        return config.name();
    }

    boolean nameEquals(byte[] buf, int off, int len) {
        return Arrays.equals(nameBytes, 0, nameBytes.length, buf, off, off + len);
    }

    /** Default TTL in seconds (0 = never expire). */
    long defaultTtlSeconds() {
        return config.defaultTtl().toSeconds();
    }

    /** The record if present and not expired. Expired records are invisible and purged lazily. */
    StoredRecord getLive(DigestKey key, int nowCitrus) {
        StoredRecord r = records.get(key);
        if (r != null && r.isExpired(nowCitrus)) {
            records.remove(key, r);
            return null;
        }
        return r;
    }

    long objectCount(int nowCitrus) {
        long n = 0;
        for (StoredRecord r : records.values()) {
            if (!r.isExpired(nowCitrus)) {
                n++;
            }
        }
        return n;
    }

    /** Deletes every record of the set (all records when set is null); returns how many. */
    long truncate(String set) {
        long[] removed = {0};
        records.values().removeIf(r -> {
            boolean match = set == null || set.equals(r.set);
            if (match) {
                removed[0]++;
            }
            return match;
        });
        return removed[0];
    }

    /** Interns set names so that a million records of one set share one String. */
    String setName(byte[] buf, int off, int len) {
        byte[][] known = setBytes;
        for (int i = 0; i < known.length; i++) {
            if (Arrays.equals(known[i], 0, known[i].length, buf, off, off + len)) {
                return setNames[i];
            }
        }
        String name = new String(buf, off, len, StandardCharsets.UTF_8);
        synchronized (setLock) {
            if (setBytes.length < MAX_CACHED_SETS) {
                byte[][] b = Arrays.copyOf(setBytes, setBytes.length + 1);
                String[] s = Arrays.copyOf(setNames, setNames.length + 1);
                b[b.length - 1] = Arrays.copyOfRange(buf, off, off + len);
                s[s.length - 1] = name;
                setNames = s;
                setBytes = b;
            }
        }
        return name;
    }
}
