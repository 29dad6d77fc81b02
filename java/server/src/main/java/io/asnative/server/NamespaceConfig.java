package io.asnative.server;

import java.time.Duration;
import java.util.Objects;

/**
 * One namespace of the embedded server.
 *
 * @param name           namespace name (1 to 31 bytes)
 * @param defaultTtl     TTL of records written with TTL 0; {@link Duration#ZERO} means never expire,
 *                       as the real server's {@code default-ttl 0}
 * @param maxRecordSize  largest stored record in bytes; larger writes fail with result 13
 *                       (the real server's {@code max-record-size}, 1 MiB by default)
 */
public record NamespaceConfig(String name, Duration defaultTtl, int maxRecordSize) {
    public static final int DEFAULT_MAX_RECORD_SIZE = 1024 * 1024;

    public NamespaceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        if (name.isEmpty() || name.length() >= 32 || name.indexOf(';') >= 0 || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("invalid namespace name: '" + name + "'");
        }
        if (defaultTtl.isNegative()) {
            throw new IllegalArgumentException("defaultTtl must not be negative: " + defaultTtl);
        }
        if (maxRecordSize < 1024) {
            throw new IllegalArgumentException("maxRecordSize must be at least 1024: " + maxRecordSize);
        }
    }

    /** A namespace with the real server's defaults: records never expire, 1 MiB record limit. */
    public static NamespaceConfig of(String name) {
        return new NamespaceConfig(name, Duration.ZERO, DEFAULT_MAX_RECORD_SIZE);
    }

    public NamespaceConfig withDefaultTtl(Duration ttl) {
        return new NamespaceConfig(name, ttl, maxRecordSize);
    }

    public NamespaceConfig withMaxRecordSize(int bytes) {
        return new NamespaceConfig(name, defaultTtl, bytes);
    }
}
