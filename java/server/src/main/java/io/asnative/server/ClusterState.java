package io.asnative.server;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Which running node owns which of the 4096 partitions, and the generation clients watch to
 * notice changes. Ownership is a deterministic split of contiguous partition ranges over the
 * running nodes in index order; any start or stop of a node recomputes it and bumps the
 * generation (used for both {@code partition-generation} and {@code peers-generation}, and never
 * decreasing, so clients never mistake a change for a "quick node restart").
 */
final class ClusterState {
    private final List<ServerNode> nodes = new ArrayList<>();
    private volatile Topology topology = new Topology(0, new int[Proto.PARTITIONS], new ServerNode[0]);

    /** An immutable snapshot of the running nodes and the partition owners. */
    static final class Topology {
        final int generation;
        final int[] owners;
        final ServerNode[] running;
        private final String[] bitmaps;

        Topology(int generation, int[] owners, ServerNode[] running) {
            this.generation = generation;
            this.owners = owners;
            this.running = running;
            this.bitmaps = new String[64];
        }

        /** Base64 of the 4096-bit map of the partitions node {@code index} owns. */
        synchronized String bitmap(int index) {
            if (bitmaps[index] == null) {
                byte[] bits = new byte[Proto.PARTITIONS / 8];
                for (int p = 0; p < Proto.PARTITIONS; p++) {
                    if (owners[p] == index) {
                        bits[p >> 3] |= (byte) (0x80 >> (p & 7));
                    }
                }
                bitmaps[index] = Base64.getEncoder().encodeToString(bits);
            }
            return bitmaps[index];
        }
    }

    void add(ServerNode node) {
        nodes.add(node);
    }

    Topology topology() {
        return topology;
    }

    int generation() {
        return topology.generation;
    }

    boolean owns(ServerNode node, int partitionId) {
        return topology.owners[partitionId] == node.index();
    }

    /** Recomputes ownership over the nodes currently running. */
    synchronized void changed() {
        List<ServerNode> up = new ArrayList<>();
        for (ServerNode n : nodes) {
            if (n.isRunning()) {
                up.add(n);
            }
        }
        int[] owners = new int[Proto.PARTITIONS];
        for (int p = 0; p < Proto.PARTITIONS; p++) {
            owners[p] = up.isEmpty() ? -1 : up.get(p * up.size() / Proto.PARTITIONS).index();
        }
        topology = new Topology(topology.generation + 1, owners, up.toArray(new ServerNode[0]));
    }

    /**
     * {@code replicas} ({@code ns:regime,count,map;...}), {@code replicas-all} ({@code ns:count,map;...})
     * or {@code replicas-master} ({@code ns:map;...}); replication factor 1, AP regime 0.
     */
    String replicas(ServerNode node, List<Namespace> namespaces, String form) {
        String bitmap = topology.bitmap(node.index());
        StringBuilder sb = new StringBuilder();
        for (Namespace ns : namespaces) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(ns.name()).append(':');
            switch (form) {
                case "replicas" -> sb.append("0,1,");
                case "replicas-all" -> sb.append("1,");
                default -> {
                }
            }
            sb.append(bitmap);
        }
        return sb.toString();
    }

    /** {@code peers-clear-std}: {@code gen,port,[[name,,[host:port]],...]} listing the other running nodes. */
    String peers(ServerNode self) {
        Topology t = topology;
        StringBuilder sb = new StringBuilder();
        sb.append(t.generation).append(',').append(self.port()).append(",[");
        boolean first = true;
        for (ServerNode n : t.running) {
            if (n == self) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('[').append(n.name()).append(",,[").append(n.host()).append(':').append(n.port()).append("]]");
        }
        return sb.append(']').toString();
    }
}
