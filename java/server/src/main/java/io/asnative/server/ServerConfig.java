package io.asnative.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start an {@link EmbeddedServer}. Build one with {@link #builder()}; every setting has a
 * default: one node, a free port on 127.0.0.1, namespaces {@code test} and {@code bar}.
 */
public final class ServerConfig {
    /** Largest request frame accepted, like the real server's proto size limit. */
    public static final long DEFAULT_MAX_FRAME_SIZE = 128L * 1024 * 1024;

    private final String host;
    private final int port;
    private final int nodes;
    private final List<NamespaceConfig> namespaces;
    private final String clusterName;
    private final long maxFrameSize;
    private final boolean virtualThreads;

    private ServerConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.nodes = b.nodes;
        this.namespaces = b.namespaces.isEmpty()
                ? List.of(NamespaceConfig.of("test"), NamespaceConfig.of("bar"))
                : List.copyOf(b.namespaces.values());
        this.clusterName = b.clusterName;
        this.maxFrameSize = b.maxFrameSize;
        this.virtualThreads = b.virtualThreads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Address the nodes bind to and advertise to clients. */
    public String host() {
        return host;
    }

    /** Port of node 0; node i listens on port + i. 0 lets every node pick a free port. */
    public int port() {
        return port;
    }

    public int nodes() {
        return nodes;
    }

    public List<NamespaceConfig> namespaces() {
        return namespaces;
    }

    /** Answer to the {@code cluster-name} info command; "null" when unset, as the real server. */
    public String clusterName() {
        return clusterName;
    }

    public long maxFrameSize() {
        return maxFrameSize;
    }

    /** Whether each connection is served on a virtual thread rather than a platform thread of its own. */
    public boolean virtualThreads() {
        return virtualThreads;
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private int nodes = 1;
        private final Map<String, NamespaceConfig> namespaces = new LinkedHashMap<>();
        private String clusterName = "null";
        private long maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private boolean virtualThreads;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder nodes(int nodes) {
            if (nodes < 1 || nodes > 64) {
                throw new IllegalArgumentException("nodes must be 1..64: " + nodes);
            }
            this.nodes = nodes;
            return this;
        }

        /** Adds a namespace with default settings; the first call replaces the default pair. */
        public Builder namespace(String name) {
            return namespace(NamespaceConfig.of(name));
        }

        public Builder namespace(NamespaceConfig ns) {
            namespaces.put(ns.name(), ns);
            return this;
        }

        /** Sets the default TTL of every namespace added so far. */
        public Builder defaultTtl(Duration ttl) {
            namespaces.replaceAll((k, v) -> v.withDefaultTtl(ttl));
            return this;
        }

        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        public Builder maxFrameSize(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxFrameSize must be at least 1024: " + bytes);
            }
            this.maxFrameSize = bytes;
            return this;
        }

        /**
         * Serves each connection on a virtual thread (Java 21+) instead of a platform thread of its
         * own: a few carrier threads then serve every connection, as the real server's service
         * threads do. Default false. Refused here, not at start, on a JVM without virtual threads.
         */
        public Builder virtualThreads(boolean virtualThreads) {
            if (virtualThreads && !ConnectionThreads.virtualAvailable()) {
                throw new IllegalStateException("virtual threads need Java 21 or later; this is Java "
                        + Runtime.version().feature());
            }
            this.virtualThreads = virtualThreads;
            return this;
        }

        public ServerConfig build() {
            if (port != 0 && port + nodes - 1 > 65535) {
                throw new IllegalArgumentException("ports " + port + ".." + (port + nodes - 1) + " out of range");
            }
            return new ServerConfig(this);
        }
    }

    List<String> namespaceNames() {
        List<String> names = new ArrayList<>();
        for (NamespaceConfig ns : namespaces) {
            names.add(ns.name());
        }
        return names;
    }
}
