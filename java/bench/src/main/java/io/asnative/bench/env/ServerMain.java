package io.asnative.bench.env;

import io.asnative.server.EmbeddedServer;
import io.asnative.server.ServerConfig;
import io.asnative.server.ServerNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The embedded server as the harness runs it, in its own JVM:
 * {@code ServerMain HOST NAMESPACE platform|virtual} (how connections are served).
 * Listens on a free port and says where ("listening on HOST:PORT"), then reads commands from
 * stdin: {@code delay MICROS} delays every response by that much (a simulated network round
 * trip, through the server's fault injection), answering {@code delay-ok}; {@code gc} collects the
 * server's heap ({@link System#gc()}) and answers {@code gc-ok N}, N being the collections the
 * server ran on its own since the previous {@code gc} (the harness calls it between timed rounds,
 * so N says whether a collection of this stand-in server fell inside one); {@code jit} answers
 * {@code jit-ok MS}, the JIT compilers' total time so far (the harness warms up until it stops
 * growing); {@code connections} answers {@code connections-ok N}, the client connections the
 * server has accepted so far (the harness notes how many a run opened). The harness holds the
 * other end of stdin: when it exits, even by a crash, stdin ends and the server exits too.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ServerMain HOST NAMESPACE platform|virtual");
            System.exit(2);
        }
        ServerThreads threads = ServerThreads.parse(args[2]);
        EmbeddedServer server = EmbeddedServer.start(ServerConfig.builder().host(args[0]).port(0).namespace(args[1])
                .virtualThreads(threads == ServerThreads.VIRTUAL).build());
        for (ServerNode n : server.nodes()) {
            System.out.println("asnative-server node " + n.name() + " listening on " + n.host() + ":" + n.port());
        }
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            long collectionsAfterLastGc = collections();
            while ((line = in.readLine()) != null) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals("delay")) {
                    Duration delay = Duration.ofNanos(Long.parseLong(parts[1]) * 1000);
                    for (ServerNode n : server.nodes()) {
                        n.faults().delayResponses(delay);
                    }
                    System.out.println("delay-ok " + parts[1]);
                    System.out.flush();
                } else if (parts.length == 1 && parts[0].equals("gc")) {
                    long onItsOwn = collections() - collectionsAfterLastGc;
                    System.gc();
                    collectionsAfterLastGc = collections();
                    System.out.println("gc-ok " + onItsOwn);
                    System.out.flush();
                } else if (parts.length == 1 && parts[0].equals("connections")) {
                    long accepted = 0;
                    for (ServerNode n : server.nodes()) {
                        accepted += n.stats().connectionsAccepted();
                    }
                    System.out.println("connections-ok " + accepted);
                    System.out.flush();
                } else if (parts.length == 1 && parts[0].equals("jit")) {
                    System.out.println("jit-ok " + ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
                    System.out.flush();
                }
            }
        } finally {
            server.close();
            System.exit(0);
        }
    }

    /** Collections of every collector of this JVM so far (young and full). */
    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
