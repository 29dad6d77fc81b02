package io.asnative.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for one node, for reliability tests of clients. Settings apply to info and
 * record requests alike (a client's cluster tending sees the fault too), except
 * {@link #closeAfterNextRequests(int)}. Settings combine; {@link #clear()} removes them all.
 *
 * <pre>{@code
 * server.node(0).faults().delayResponses(Duration.ofMillis(200));
 * server.node(1).faults().refuseConnections();
 * server.node(0).faults().clear();
 * }</pre>
 */
public final class NodeFaults {
    private final ServerNode node;
    private volatile long delayNanos;
    private final AtomicInteger dropConnections = new AtomicInteger();
    private final AtomicInteger closeAfterRequests = new AtomicInteger();
    private volatile boolean silent;

    NodeFaults(ServerNode node) {
        this.node = node;
    }

    /** Delays every response of this node by {@code delay} (zero removes the delay). */
    public NodeFaults delayResponses(Duration delay) {
        delayNanos = Math.max(0, delay.toNanos());
        return this;
    }

    /** Accepts the next {@code count} connections and closes them at once, before reading anything. */
    public NodeFaults dropNextConnections(int count) {
        dropConnections.set(Math.max(0, count));
        return this;
    }

    /**
     * For the next {@code count} record requests (AS_MSG, any connection): read the request, then
     * close the connection unanswered. Info requests do not count, so a client's cluster tending
     * cannot use up the fault meant for a command.
     */
    public NodeFaults closeAfterNextRequests(int count) {
        closeAfterRequests.set(Math.max(0, count));
        return this;
    }

    /** Keeps accepting connections and reading requests but never answers, until cleared. */
    public NodeFaults stopAnswering() {
        silent = true;
        return this;
    }

    /**
     * Closes the listening socket, so connection attempts are refused, until {@link #acceptConnections()}
     * or {@link #clear()}. Open connections stay open. The node stays in the cluster map, as a node
     * behind a failed network would.
     */
    public NodeFaults refuseConnections() {
        node.refuseConnections();
        return this;
    }

    /** Reopens the listening socket (same port) after {@link #refuseConnections()}. */
    public NodeFaults acceptConnections() {
        node.acceptConnections();
        return this;
    }

    /** Removes every fault. */
    public NodeFaults clear() {
        delayNanos = 0;
        dropConnections.set(0);
        closeAfterRequests.set(0);
        silent = false;
        node.acceptConnections();
        return this;
    }

    long delayNanos() {
        return delayNanos;
    }

    boolean isSilent() {
        return silent;
    }

    boolean takeDropConnection() {
        return takeOne(dropConnections);
    }

    boolean takeCloseAfterRequest() {
        return takeOne(closeAfterRequests);
    }

    private static boolean takeOne(AtomicInteger counter) {
        while (true) {
            int n = counter.get();
            if (n <= 0) {
                return false;
            }
            if (counter.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }
}
