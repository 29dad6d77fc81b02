package io.asnative.server;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers info requests (proto type 1): each requested name, in order, as {@code name\tvalue\n}.
 * Names this server does not know get an empty value, so clients that count the answers (the C
 * client does) still see one line per request.
 */
final class InfoHandler {
    static final String BUILD = "8.1.0.0";
    static final String EDITION = "Aerospike Community Edition";
    /** What the clients look for (pscans is required, batch-any selects the batch format). */
    static final String FEATURES = "batch-any;batch-index;blob-bits;float;peers;pipelining;pquery;pscans;"
            + "query-show;replicas;replicas-all;replicas-master;truncate-namespace";

    private final Map<String, Function<ServerNode, String>> exact = new HashMap<>();
    private final EmbeddedServer server;

    InfoHandler(EmbeddedServer server) {
        this.server = server;
        exact.put("node", ServerNode::name);
        exact.put("build", n -> BUILD);
        exact.put("version", n -> EDITION + " build " + BUILD);
        exact.put("edition", n -> EDITION);
        exact.put("features", n -> FEATURES);
        exact.put("status", n -> "ok");
        exact.put("cluster-name", n -> server.config().clusterName());
        exact.put("cluster-stable", n -> Integer.toString(server.cluster().generation()));
        exact.put("cluster-size", n -> Integer.toString(server.cluster().topology().running.length));
        exact.put("namespaces", n -> String.join(";", server.config().namespaceNames()));
        exact.put("partition-generation", n -> Integer.toString(server.cluster().generation()));
        exact.put("peers-generation", n -> Integer.toString(server.cluster().generation()));
        exact.put("rebalance-generation", n -> Integer.toString(server.cluster().generation()));
        exact.put("peers-clear-std", n -> server.cluster().peers(n));
        exact.put("peers-clear-alt", n -> server.cluster().peers(n));
        exact.put("service-clear-std", n -> n.host() + ':' + n.port());
        exact.put("service-clear-alt", n -> n.host() + ':' + n.port());
        exact.put("services", n -> services(n));
        exact.put("replicas", n -> server.cluster().replicas(n, server.namespaceList(), "replicas"));
        exact.put("replicas-all", n -> server.cluster().replicas(n, server.namespaceList(), "replicas-all"));
        exact.put("replicas-master", n -> server.cluster().replicas(n, server.namespaceList(), "replicas-master"));
        exact.put("rack-ids", n -> rackIds());
        exact.put("statistics", n -> statistics(n));
    }

    /** Builds the whole response frame for a request body. */
    byte[] handle(ServerNode node, byte[] body, int off, int len) {
        String request = new String(body, off, len, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(256);
        if (request.isBlank()) {
            for (String name : List.of("node", "build", "edition", "version", "features")) {
                sb.append(name).append('\t').append(exact.get(name).apply(node)).append('\n');
            }
        } else {
            for (String name : request.split("\n")) {
                if (!name.isEmpty()) {
                    sb.append(name).append('\t').append(answer(node, name)).append('\n');
                }
            }
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[Proto.PROTO_HEADER + text.length];
        Proto.putProtoHeader(frame, 0, Proto.TYPE_INFO, text.length);
        System.arraycopy(text, 0, frame, Proto.PROTO_HEADER, text.length);
        return frame;
    }

    private String answer(ServerNode node, String name) {
        Function<ServerNode, String> f = exact.get(name);
        if (f != null) {
            return f.apply(node);
        }
        if (name.startsWith("namespace/")) {
            return namespaceStats(name.substring("namespace/".length()));
        }
        if (name.startsWith("truncate-namespace:")) {
            return truncate(params(name), false);
        }
        if (name.startsWith("truncate:")) {
            return truncate(params(name), true);
        }
        if (name.startsWith("user-agent-set:")) {
            return "ok";
        }
        return "";
    }

    private static Map<String, String> params(String command) {
        Map<String, String> map = new HashMap<>();
        for (String kv : command.substring(command.indexOf(':') + 1).split(";")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                map.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
        }
        return map;
    }

    private String truncate(Map<String, String> params, boolean withSet) {
        Namespace ns = server.namespace(params.get("namespace"));
        if (ns == null) {
            return "ERROR::namespace not found";
        }
        ns.truncate(withSet ? params.get("set") : null);
        return "ok";
    }

    private String services(ServerNode self) {
        StringBuilder sb = new StringBuilder();
        for (ServerNode n : server.cluster().topology().running) {
            if (n != self) {
                if (sb.length() > 0) {
                    sb.append(';');
                }
                sb.append(n.host()).append(':').append(n.port());
            }
        }
        return sb.toString();
    }

    private String rackIds() {
        StringBuilder sb = new StringBuilder();
        for (String ns : server.config().namespaceNames()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(ns).append(":0");
        }
        return sb.toString();
    }

    private String statistics(ServerNode node) {
        long objects = 0;
        for (Namespace ns : server.namespaceList()) {
            objects += server.objectCount(ns.name());
        }
        return "cluster_size=" + server.cluster().topology().running.length
                + ";objects=" + objects
                + ";client_connections=" + node.openConnections()
                + ";uptime=" + node.uptimeSeconds();
    }

    private String namespaceStats(String name) {
        Namespace ns = server.namespace(name);
        if (ns == null) {
            return "ns_type=unknown";
        }
        return "objects=" + server.objectCount(name)
                + ";replication-factor=1"
                + ";default-ttl=" + ns.defaultTtlSeconds()
                + ";max-record-size=" + ns.config.maxRecordSize()
                + ";strong-consistency=false";
    }
}
