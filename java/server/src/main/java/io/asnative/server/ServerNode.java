package io.asnative.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One node of an {@link EmbeddedServer}: a listening socket with an accept thread and one thread
 * per client connection (a platform thread, or a virtual one: {@link ConnectionThreads}). Nodes can be stopped and started again on the same port from a test;
 * either changes the cluster map, so clients re-tend.
 */
public final class ServerNode {
    private static final System.Logger LOG = System.getLogger(ServerNode.class.getName());
    /** Connections waiting to be accepted (the kernel caps it at net.core.somaxconn). */
    static final int ACCEPT_BACKLOG = 4096;

    private final EmbeddedServer server;
    private final int index;
    private final String host;
    private final NodeFaults faults = new NodeFaults(this);
    private final NodeStats stats = new NodeStats();
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final long startedNanos = System.nanoTime();
    private volatile int port;
    private volatile String name;
    private volatile boolean running;
    private ServerSocket listener;
    private Thread acceptThread;

    ServerNode(EmbeddedServer server, int index, String host, int port) {
        this.server = server;
        this.index = index;
        this.host = host;
        this.port = port;
    }

    public int index() {
        return index;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The node name the {@code node} info command returns (15 hex digits, derived from the port). */
    public String name() {
        return name;
    }

    public boolean isRunning() {
        return running;
    }

    public NodeFaults faults() {
        return faults;
    }

    public NodeStats stats() {
        return stats;
    }

    /** Stops the node: closes its listening socket and every open connection; the cluster rebalances. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        closeListener();
        for (ClientConnection c : connections) {
            c.close();
        }
        server.cluster().changed();
        LOG.log(Level.DEBUG, () -> "node " + index + " stopped");
    }

    /** Starts a stopped node on the same port; the cluster rebalances. */
    public synchronized void start() {
        if (running) {
            return;
        }
        openListener();
        running = true;
        server.cluster().changed();
        LOG.log(Level.DEBUG, () -> "node " + index + " started on " + host + ':' + port);
    }

    synchronized void refuseConnections() {
        if (running) {
            closeListener();
        }
    }

    synchronized void acceptConnections() {
        if (running && listener == null) {
            openListener();
        }
    }

    int openConnections() {
        return connections.size();
    }

    long uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    EmbeddedServer server() {
        return server;
    }

    void unregister(ClientConnection c) {
        connections.remove(c);
    }

    private void openListener() {
        try {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            // A deep accept queue (the kernel caps it at net.core.somaxconn, 4096 on Debian 12):
            // 1,000 virtual threads of the Java client open their connections all at once, and
            // with 512 the overflow saw connect timeouts ("Connection failed") a real server,
            // whose backlog is larger, does not cause.
            ss.bind(new InetSocketAddress(InetAddress.getByName(host), port), ACCEPT_BACKLOG);
            port = ss.getLocalPort();
            name = String.format("BB9%012X", (long) port);
            listener = ss;
            Thread t = new Thread(() -> acceptLoop(ss), "asnative-node" + index + "-accept");
            t.setDaemon(true);
            acceptThread = t;
            t.start();
        } catch (IOException e) {
            throw new UncheckedIOException("node " + index + " cannot listen on " + host + ':' + port, e);
        }
    }

    /**
     * Closes the listening socket and waits for the accept thread to end: while a thread is
     * blocked in accept(), the JDK defers the real close to that thread, and until then the kernel
     * still completes new connections.
     */
    private void closeListener() {
        ServerSocket ss = listener;
        Thread t = acceptThread;
        listener = null;
        acceptThread = null;
        if (ss != null) {
            try {
                ss.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing listener", e);
            }
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Never throws: a failure with one connection must not stop the node from accepting others. */
    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            Socket socket;
            try {
                socket = ss.accept();
            } catch (SocketException e) {
                if (!ss.isClosed()) {
                    LOG.log(Level.WARNING, "accept failed on node " + index, e);
                    pause();
                }
                continue;
            } catch (Throwable t) {
                LOG.log(Level.WARNING, "accept failed on node " + index, t);
                pause();
                continue;
            }
            try {
                stats.connectionsAccepted.increment();
                if (faults.takeDropConnection()) {
                    stats.connectionsDropped.increment();
                    socket.close();
                    continue;
                }
                ClientConnection c = new ClientConnection(this, socket);
                connections.add(c);
                if (!running || ss.isClosed()) {
                    c.close();
                    continue;
                }
                ConnectionThreads.start(c, "asnative-node" + index + "-conn", server.config().virtualThreads());
            } catch (Throwable t) {
                LOG.log(Level.WARNING, "cannot serve a connection on node " + index, t);
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Already failing; nothing more to do with this socket.
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "node " + index + " (" + name + " " + host + ':' + port + (running ? "" : ", stopped") + ')';
    }
}
