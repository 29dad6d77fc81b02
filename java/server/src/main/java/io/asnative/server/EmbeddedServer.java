package io.asnative.server;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory server speaking the Aerospike wire protocol, for tests and benchmarks of
 * Aerospike clients. It runs one or more nodes in this process on loopback ports.
 *
 * <pre>{@code
 * try (EmbeddedServer server = EmbeddedServer.start(ServerConfig.builder().nodes(3).build())) {
 *     AerospikeClient client = new AerospikeClient(server.host(), server.port());
 *     ...
 *     server.node(1).stop();                 // cluster shrinks, clients re-tend
 *     server.clock().advance(Duration.ofHours(1)); // records with shorter TTLs expire
 * }
 * }</pre>
 *
 * <p>Implemented: info commands clients use to tend, single-record read / write / delete /
 * touch / exists / operate (read, write, add, append, prepend, touch, delete), batch index
 * requests (reads, writes, deletes, operate), compression, TTL and generation semantics of a
 * real server, cluster mode with partition ownership, fault injection. Not implemented: scans,
 * queries, UDFs, secondary indexes, CDT/bit/HLL/expression operations (result 16), security.
 * Filter expressions are accepted and ignored: every record passes the filter.
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedServer.class.getName());

    private final ServerConfig config;
    private final ServerClock clock = new ServerClock();
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private final List<Namespace> namespaceList;
    private final ClusterState cluster = new ClusterState();
    private final List<ServerNode> nodes = new ArrayList<>();
    private final InfoHandler info;
    private volatile boolean closed;

    private EmbeddedServer(ServerConfig config) {
        this.config = config;
        for (NamespaceConfig ns : config.namespaces()) {
            namespaces.put(ns.name(), new Namespace(ns));
        }
        this.namespaceList = List.copyOf(namespaces.values());
        this.info = new InfoHandler(this);
    }

    /** Starts a server; every node is listening when this returns. */
    public static EmbeddedServer start(ServerConfig config) {
        EmbeddedServer server = new EmbeddedServer(config);
        try {
            for (int i = 0; i < config.nodes(); i++) {
                int port = config.port() == 0 ? 0 : config.port() + i;
                ServerNode node = new ServerNode(server, i, config.host(), port);
                server.nodes.add(node);
                server.cluster.add(node);
                node.start();
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.log(Level.DEBUG, () -> "started " + server);
        return server;
    }

    /** A single node with the default namespaces {@code test} and {@code bar} on a free port. */
    public static EmbeddedServer start() {
        return start(ServerConfig.builder().build());
    }

    /** Address of node 0 (the seed to give clients). */
    public String host() {
        return config.host();
    }

    /** Port of node 0. */
    public int port() {
        return nodes.get(0).port();
    }

    public List<ServerNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public ServerNode node(int index) {
        return nodes.get(index);
    }

    public ServerClock clock() {
        return clock;
    }

    public ServerConfig config() {
        return config;
    }

    /** Records of a namespace that have not expired. */
    public long objectCount(String namespace) {
        Namespace ns = requireNamespace(namespace);
        return ns.objectCount(clock.nowCitrusSeconds());
    }

    /** Deletes every record of a namespace. */
    public void truncate(String namespace) {
        requireNamespace(namespace).truncate(null);
    }

    /** What the server stores for a digest (e.g. {@code key.digest} of a client key), if live. */
    public Optional<RecordInfo> record(String namespace, byte[] digest) {
        if (digest.length != Proto.DIGEST_SIZE) {
            throw new IllegalArgumentException("a digest has 20 bytes, not " + digest.length);
        }
        StoredRecord r = requireNamespace(namespace).getLive(new DigestKey(digest, 0), clock.nowCitrusSeconds());
        if (r == null) {
            return Optional.empty();
        }
        Instant expires = r.voidTime == 0 ? null
                : Instant.ofEpochSecond(ServerClock.CITRUS_EPOCH_SECONDS + (r.voidTime & 0xFFFFFFFFL));
        return Optional.of(new RecordInfo(r.generation, expires, r.set, r.userKey == null ? null : r.userKey.clone(),
                r.binCount, r.bins.length));
    }

    /** Stops every node. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ServerNode n : nodes) {
            try {
                n.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stopping " + n, e);
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    ClusterState cluster() {
        return cluster;
    }

    InfoHandler info() {
        return info;
    }

    List<Namespace> namespaceList() {
        return namespaceList;
    }

    Namespace namespace(String name) {
        return name == null ? null : namespaces.get(name);
    }

    private Namespace requireNamespace(String name) {
        Namespace ns = namespace(name);
        if (ns == null) {
            throw new IllegalArgumentException("no namespace '" + name + "'; have " + namespaces.keySet());
        }
        return ns;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EmbeddedServer[");
        for (ServerNode n : nodes) {
            if (sb.length() > 15) {
                sb.append(", ");
            }
            sb.append(n.host()).append(':').append(n.port());
        }
        return sb.append(" namespaces=").append(namespaces.keySet()).append(']').toString();
    }
}
